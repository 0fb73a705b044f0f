// A clock the test moves.
namespace OpsKit.HwErr.Tests;

/// <summary>A settable clock.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>Now.</summary>
    public DateTimeOffset Now { get; set; } = now;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Now;

    /// <inheritdoc />
    public override long GetTimestamp() => 0;
}
