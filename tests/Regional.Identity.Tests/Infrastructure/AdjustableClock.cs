namespace Regional.Identity.Tests.Infrastructure;

/// <summary>Real time plus an offset, so a test can have the identity service issue tokens in the past.</summary>
public sealed class AdjustableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
