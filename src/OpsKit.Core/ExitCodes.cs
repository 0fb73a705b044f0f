// The one exit-code table of OpsKit. The man page
// and the tests read the same table, so the three never disagree.
namespace OpsKit.Core;

/// <summary>Exit statuses: check results follow the Nagios plugin convention, actions follow sysexits.</summary>
public static class ExitCodes
{
    /// <summary>Check OK, or action succeeded.</summary>
    public const int Ok = 0;
    /// <summary>Check result WARNING.</summary>
    public const int Warning = 1;
    /// <summary>Check result CRITICAL.</summary>
    public const int Critical = 2;
    /// <summary>Check result UNKNOWN.</summary>
    public const int Unknown = 3;
    /// <summary>An action failed.</summary>
    public const int Failed = 1;
    /// <summary>The command line was wrong (EX_USAGE).</summary>
    public const int Usage = 64;
    /// <summary>Input data was malformed (EX_DATAERR).</summary>
    public const int DataError = 65;
    /// <summary>An input file does not exist or is not a readable file (EX_NOINPUT).</summary>
    public const int NoInput = 66;
    /// <summary>A needed program, device or service is missing (EX_UNAVAILABLE).</summary>
    public const int Unavailable = 69;
    /// <summary>An unexpected internal error: a bug (EX_SOFTWARE).</summary>
    public const int Internal = 70;
    /// <summary>An input/output error (EX_IOERR).</summary>
    public const int IoError = 74;
    /// <summary>Permission denied (EX_NOPERM).</summary>
    public const int NoPermission = 77;
    /// <summary>The configuration is wrong (EX_CONFIG).</summary>
    public const int Config = 78;
    /// <summary>Interrupted by SIGINT or SIGTERM (128 + SIGINT).</summary>
    public const int Interrupted = 130;

    /// <summary>The table as documented: (code, who uses it, meaning).</summary>
    public static IReadOnlyList<(int Code, string Kind, string Meaning)> Table { get; } =
    [
        (Ok, "check/action", "OK; the action succeeded"),
        (Warning, "check", "WARNING (an action: failed)"),
        (Critical, "check", "CRITICAL"),
        (Unknown, "check", "UNKNOWN: the state could not be determined"),
        (Usage, "action", "usage error on the command line"),
        (DataError, "action", "bad input data"),
        (NoInput, "action", "an input file is missing, unreadable or not a regular file"),
        (Unavailable, "action", "a needed program, device or service is unavailable"),
        (Internal, "any", "internal error (a bug; rerun with --verbose for the stack)"),
        (IoError, "action", "input/output error"),
        (NoPermission, "action", "permission denied"),
        (Config, "any", "configuration error"),
        (Interrupted, "any", "interrupted by a signal"),
    ];
}
