using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Regional.Alerts.Data;
using Regional.Alerts.Domain;
using Regional.Contracts.Alerts.V1;
using Regional.Messaging;
using Regional.Region;
using Regional.ServiceDefaults;

namespace Regional.Alerts.Features;

/// <summary>
/// An alert a force has not acknowledged by its deadline escalates: it is marked, an escalation
/// alert goes into the same inbox (and to its push endpoint), and the monitor hears of it, in one
/// commit. An acknowledgement that lands first wins; the sweep re-reads and leaves it.
/// </summary>
public sealed partial class EscalationSweep(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<AlertsOptions> options,
    ILogger<EscalationSweep> logger) : PeriodicSweep(clock, logger)
{
    protected override TimeSpan Interval => options.Value.EscalationCheckInterval;

    public override async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var work = scope.ServiceProvider.GetRequiredService<UnitOfWork<AlertsDbContext>>();
        var region = scope.ServiceProvider.GetRequiredService<RegionDirectory>();
        var escalated = 0;
        await work.ExecuteAsync(async ct =>
        {
            escalated = 0;
            var now = Clock.GetUtcNow();
            var overdue = await work.Db.Alerts
                .Where(a => a.AcknowledgedAt == null && a.EscalatedAt == null && a.DeadlineAt < now && a.Kind != AlertKinds.Unacknowledged)
                .OrderBy(a => a.DeadlineAt)
                .Take(200)
                .ToListAsync(ct);
            foreach (var alert in overdue)
            {
                if (alert.Escalate(region.AlertDeadline(AlertKinds.Unacknowledged), now) is { } escalation)
                {
                    work.Db.Alerts.Add(escalation);
                    await PushQueue.AddAsync(work.Db, escalation, now, ct);
                    escalated++;
                }
            }
        }, cancellationToken, ChangeOrigin.System);

        if (escalated > 0)
        {
            LogEscalated(logger, escalated);
        }

        return escalated;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalated {Count} police alerts not acknowledged by their deadline")]
    private static partial void LogEscalated(ILogger logger, int count);
}
