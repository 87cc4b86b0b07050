using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Regional.Contracts.Monitoring.V1;
using Regional.Messaging;
using Regional.Placement.Data;
using Regional.Placement.Domain;
using Regional.ServiceDefaults;

namespace Regional.Placement.Features;

/// <summary>
/// A return home interview not done or declined by its due time is marked overdue and a
/// metadata-only event published for the regional monitor, in one transaction, once per episode.
/// (The host sees it overdue from the due time it was sent; it needs no message for that.)
/// </summary>
public sealed partial class ReturnHomeInterviewSweep(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<PlacementOptions> options,
    ILogger<ReturnHomeInterviewSweep> logger) : PeriodicSweep(clock, logger)
{
    protected override TimeSpan Interval => options.Value.OverdueCheckInterval;

    public override async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var work = scope.ServiceProvider.GetRequiredService<UnitOfWork<PlacementDbContext>>();
        var outbox = scope.ServiceProvider.GetRequiredService<CrossBorderOutbox>();
        var self = scope.ServiceProvider.GetRequiredService<ServiceIdentity>();
        var marked = 0;

        // An interview recorded meanwhile wins: the sweep re-reads on a lost race.
        await work.ExecuteAsync(async ct =>
        {
            var now = Clock.GetUtcNow();
            var due = await work.Db.MissingEpisodes
                .Where(e => e.ReturnHomeInterviewOverdueAt == null && e.ReturnHomeInterviewDueBy != null && e.ReturnHomeInterviewDueBy < now
                            && (e.ReturnHomeInterviewOutcome == null || e.ReturnHomeInterviewOutcome == "offered"))
                .OrderBy(e => e.ReturnHomeInterviewDueBy)
                .Take(500)
                .ToListAsync(ct);
            var hosts = await work.Db.Placements.Where(p => due.Select(e => e.PlacementId).Contains(p.Id))
                .ToDictionaryAsync(p => p.Id, p => p.HostAuthority, ct);
            foreach (var episode in due)
            {
                episode.ReturnHomeInterviewOverdueAt = now;
                outbox.Publish(work.Db, new ReturnHomeInterviewOverdue(
                    episode.Id, self.Authority, hosts[episode.PlacementId], episode.ReturnedAt!.Value, episode.ReturnHomeInterviewDueBy!.Value, now));
            }

            marked = due.Count;
        }, cancellationToken, ChangeOrigin.System);

        if (marked > 0)
        {
            LogOverdue(logger, marked);
        }

        return marked;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Marked {Count} return home interviews overdue")]
    private static partial void LogOverdue(ILogger logger, int count);
}
