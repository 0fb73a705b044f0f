// A clock that never moves, so reports (start time, duration) are the same on every run.
namespace OpsKit.Raid.Tests;

/// <summary>A fixed clock.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>2026-01-02T03:04:05Z.</summary>
    public static FixedClock Default { get; } = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => now;

    /// <inheritdoc />
    public override long GetTimestamp() => 0;
}
