using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Regional.ServiceDefaults;

/// <summary>
/// A clock-driven sweep (overdue notifications, lapsed reviews): runs at start and then every
/// <see cref="Interval"/>; a failed sweep is logged by kind and tried again at the next tick,
/// never stopping the service. The clock is injected so that tests can move time.
/// </summary>
public abstract partial class PeriodicSweep(TimeProvider clock, ILogger logger) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected abstract TimeSpan Interval { get; }

    /// <summary>One pass; returns how many items it acted on.</summary>
    public abstract Task<int> SweepAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(logger, GetType().Name, ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Sweep} failed ({ErrorType}); will try again")]
    private static partial void LogSweepFailed(ILogger logger, string sweep, string errorType);
}
