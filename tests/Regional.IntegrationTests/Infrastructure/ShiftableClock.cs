namespace Regional.IntegrationTests.Infrastructure;

/// <summary>Real time plus an offset a test can move forward, so that service levels can run out.</summary>
public sealed class ShiftableClock : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;

    public void Advance(TimeSpan by) => _offset += by;
}
