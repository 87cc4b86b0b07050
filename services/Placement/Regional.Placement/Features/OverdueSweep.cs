using Microsoft.EntityFrameworkCore;
using Regional.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Regional.Messaging;
using Regional.Placement.Data;
using Regional.Placement.Domain;

namespace Regional.Placement.Features;

public sealed class PlacementOptions
{
    public const string SectionName = "Placement";

    /// <summary>How often to look for notifications past their acknowledgement service level.</summary>
    public TimeSpan OverdueCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A return home interview is due this long after the return (statutory guidance: 72 hours).</summary>
    public int ReturnHomeInterviewHours { get; set; } = 72;

    /// <summary>The rolling window in which a child's episodes are counted for the repeat flag.</summary>
    public int RepeatEpisodeWindowDays { get; set; } = 30;

    /// <summary>The episode number in the window from which an episode is flagged repeat.</summary>
    public int RepeatEpisodeThreshold { get; set; } = 3;
}

/// <summary>
/// Escalation: a notification the host has not acknowledged within the regional service
/// level is marked overdue and a metadata-only escalation event is published for the
/// regional monitor, in one transaction, once per notification.
/// </summary>
public sealed partial class OverdueSweep(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<PlacementOptions> options,
    ILogger<OverdueSweep> logger) : PeriodicSweep(clock, logger)
{
    protected override TimeSpan Interval => options.Value.OverdueCheckInterval;

    public override async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var work = scope.ServiceProvider.GetRequiredService<UnitOfWork<PlacementDbContext>>();
        var self = scope.ServiceProvider.GetRequiredService<ServiceIdentity>();
        var metrics = scope.ServiceProvider.GetRequiredService<PlacementMetrics>();
        List<Notification> overdue = [];

        // A receipt or acknowledgement landing meanwhile wins: the sweep re-reads and marks only
        // what is still outstanding.
        await work.ExecuteAsync(async ct =>
        {
            var now = Clock.GetUtcNow();
            overdue = await work.Db.Notifications
                .Where(n => (n.Status == NotificationStatus.Pending || n.Status == NotificationStatus.Sent || n.Status == NotificationStatus.Delivered)
                            && n.AcknowledgeBy < now)
                .OrderBy(n => n.AcknowledgeBy)
                .Take(500)
                .ToListAsync(ct);
            foreach (var notification in overdue)
            {
                notification.Escalate(NotificationView.KindName(notification.Kind), self.Authority, now);
            }
        }, cancellationToken, ChangeOrigin.System);

        foreach (var notification in overdue)
        {
            metrics.Overdue(notification.Kind, notification.To);
        }

        if (overdue.Count > 0)
        {
            LogEscalated(logger, overdue.Count);
        }

        return overdue.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalated {Count} notifications not acknowledged within the service level")]
    private static partial void LogEscalated(ILogger logger, int count);

}
