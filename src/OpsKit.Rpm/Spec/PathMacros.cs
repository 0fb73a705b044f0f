// Installed path -> spec macro, longest prefix first (research 4.3). The
// prefixes are the target's (Fedora) values plus the Debian-host spellings a
// probe build produces for Perl and Python; never computed from host macros.
using System.Text.RegularExpressions;

namespace OpsKit.Rpm.Spec;

/// <summary>The path-to-macro table and the directories a package must never own.</summary>
public static partial class PathMacros
{
    private static readonly (string Prefix, string Macro)[] s_table =
    [
        ("/etc", "%{_sysconfdir}"),
        ("/usr/bin", "%{_bindir}"),
        ("/usr/sbin", "%{_sbindir}"),
        ("/usr/lib64/perl5/vendor_perl", "%{perl_vendorarch}"),
        ("/usr/lib64", "%{_libdir}"),
        ("/usr/lib/systemd/system", "%{_unitdir}"),
        ("/usr/lib/systemd/user", "%{_userunitdir}"),
        ("/usr/lib/tmpfiles.d", "%{_tmpfilesdir}"),
        ("/usr/lib/sysusers.d", "%{_sysusersdir}"),
        ("/usr/lib/udev/rules.d", "%{_udevrulesdir}"),
        ("/usr/lib", "%{_prefix}/lib"),
        ("/usr/libexec", "%{_libexecdir}"),
        ("/usr/include", "%{_includedir}"),
        ("/usr/share/man", "%{_mandir}"),
        ("/usr/share/info", "%{_infodir}"),
        ("/usr/share/doc", "%{_docdir}"),
        ("/usr/share/bash-completion/completions", "%{bash_completions_dir}"),
        ("/usr/share/zsh/site-functions", "%{zsh_completions_dir}"),
        ("/usr/share/fish/vendor_completions.d", "%{fish_completions_dir}"),
        ("/usr/share/perl5/vendor_perl", "%{perl_vendorlib}"),
        ("/usr/share/perl5", "%{perl_vendorlib}"),
        ("/usr/share", "%{_datadir}"),
        ("/var/lib", "%{_sharedstatedir}"),
        ("/var", "%{_localstatedir}"),
        ("/run", "%{_rundir}"),
        ("/usr", "%{_prefix}"),
    ];

    /// <summary>Directories owned by filesystem, systemd and friends: never listed, only their contents.</summary>
    public static IReadOnlySet<string> SystemDirs { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "/etc", "/etc/systemd", "/etc/systemd/system", "/etc/logrotate.d", "/etc/cron.d", "/etc/cron.daily", "/etc/cron.hourly",
        "/etc/cron.weekly", "/etc/cron.monthly", "/etc/profile.d", "/etc/sudoers.d", "/etc/bash_completion.d", "/etc/default",
        "/etc/sysconfig", "/etc/xdg", "/etc/xdg/autostart", "/etc/dbus-1", "/etc/dbus-1/system.d", "/etc/security", "/etc/pam.d",
        "/etc/modprobe.d", "/etc/sysctl.d", "/etc/udev", "/etc/udev/rules.d", "/etc/tmpfiles.d", "/etc/ld.so.conf.d", "/etc/rc.d",
        "/etc/rc.d/init.d", "/etc/init.d",
        "/usr", "/usr/bin", "/usr/sbin", "/usr/lib", "/usr/lib64", "/usr/libexec", "/usr/include", "/usr/share", "/usr/src",
        "/usr/lib64/pkgconfig", "/usr/lib/pkgconfig", "/usr/lib64/cmake", "/usr/lib/cmake", "/usr/lib64/perl5", "/usr/lib64/perl5/vendor_perl",
        "/usr/lib/systemd", "/usr/lib/systemd/system", "/usr/lib/systemd/user", "/usr/lib/tmpfiles.d", "/usr/lib/sysusers.d",
        "/usr/lib/udev", "/usr/lib/udev/rules.d", "/usr/lib/modules-load.d", "/usr/lib/sysctl.d", "/usr/lib/firmware",
        "/usr/share/applications", "/usr/share/icons", "/usr/share/icons/hicolor", "/usr/share/pixmaps", "/usr/share/metainfo",
        "/usr/share/appdata", "/usr/share/mime", "/usr/share/mime/packages", "/usr/share/dbus-1", "/usr/share/dbus-1/services",
        "/usr/share/dbus-1/system-services", "/usr/share/dbus-1/system.d", "/usr/share/polkit-1", "/usr/share/polkit-1/actions",
        "/usr/share/polkit-1/rules.d", "/usr/share/zsh", "/usr/share/zsh/site-functions", "/usr/share/zsh/vendor-completions", "/usr/share/fish",
        "/usr/share/fish/vendor_completions.d", "/usr/share/bash-completion", "/usr/share/bash-completion/completions",
        "/usr/share/aclocal", "/usr/share/pkgconfig", "/usr/share/cmake", "/usr/share/locale", "/usr/share/man", "/usr/share/info",
        "/usr/share/doc", "/usr/share/licenses", "/usr/share/X11", "/usr/share/fonts", "/usr/share/glib-2.0", "/usr/share/glib-2.0/schemas",
        "/usr/share/systemd", "/usr/share/perl5", "/usr/share/perl5/vendor_perl", "/usr/share/vim", "/usr/share/vim/vimfiles",
        "/var", "/var/lib", "/var/log", "/var/cache", "/var/spool", "/var/run", "/run", "/opt",
    };

    /// <summary>The macro form of an installed absolute path, e.g. /usr/bin/hello -> %{_bindir}/hello.</summary>
    public static string ToMacro(string path)
    {
        if (PythonSite().Match(path) is { Success: true } py) return "%{python3_sitelib}" + path[py.Length..];
        foreach (var (prefix, macro) in s_table)
        {
            if (path == prefix) return macro;
            if (path.StartsWith(prefix + "/", StringComparison.Ordinal)) return macro + path[prefix.Length..];
        }
        return path;
    }

    /// <summary>True for system directories, including icon theme size folders and Python site dirs.</summary>
    public static bool IsSystemDir(string path) =>
        SystemDirs.Contains(path) || IconDir().IsMatch(path) || PythonSite().Match(path) is { Success: true } m && m.Length == path.Length
        || path.StartsWith("/usr/share/man/man", StringComparison.Ordinal) && !path[18..].Contains('/')
        || Regex.IsMatch(path, @"^/usr/share/man/[a-z]{2}(_[A-Z]{2})?(\.[\w-]+)?(/man\w+)?$")
        || Regex.IsMatch(path, @"^/usr/share/locale/[^/]+(/LC_MESSAGES)?$") || path.EndsWith("/__pycache__", StringComparison.Ordinal)
        || Regex.IsMatch(path, @"^/usr/(local/)?lib(64)?/python3[.\d]*$") || path is "/usr/local" or "/usr/local/lib";

    [GeneratedRegex(@"^/usr/(?:local/)?lib(?:64)?/python3(?:\.\d+)?/(?:site|dist)-packages")]
    private static partial Regex PythonSite();

    [GeneratedRegex(@"^/usr/share/icons/hicolor/[^/]+(/[^/]+)?$")]
    private static partial Regex IconDir();
}
