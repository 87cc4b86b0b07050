using Microsoft.EntityFrameworkCore;
using Regional.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Regional.Contracts.Monitoring.V1;
using Regional.Messaging;
using Regional.Referral.Data;
using Regional.Referral.Domain;
using Regional.Region;

namespace Regional.Referral.Features;

public sealed class ReferralOptions
{
    public const string SectionName = "Referral";

    /// <summary>How often the host looks for reciprocal reviews past their due date.</summary>
    public TimeSpan OverdueCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Reports each lapsed review date of a reciprocal case the host holds to the regional monitor,
/// once per due date (a new due date that lapses is reported again). The views compute
/// "overdue" themselves from the clock; this only feeds the monitor.
/// </summary>
public sealed partial class ReviewOverdueSweep(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    WorkingDayCalendar calendar,
    IOptions<ReferralOptions> options,
    ILogger<ReviewOverdueSweep> logger) : PeriodicSweep(clock, logger)
{
    protected override TimeSpan Interval => options.Value.OverdueCheckInterval;

    public override async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<CrossBorderOutbox>();
        var self = scope.ServiceProvider.GetRequiredService<ServiceIdentity>();
        var now = Clock.GetUtcNow();
        var today = calendar.LocalDate(now);

        var lapsed = await db.Cases
            .Where(c => c.Status == CaseStatus.Open && c.NextReviewDue != null && c.NextReviewDue < today
                        && (c.OverdueReportedFor == null || c.OverdueReportedFor != c.NextReviewDue))
            .OrderBy(c => c.NextReviewDue)
            .Take(500)
            .ToListAsync(cancellationToken);
        foreach (var reciprocal in lapsed)
        {
            reciprocal.OverdueReportedFor = reciprocal.NextReviewDue;
            outbox.Publish(db, new ReciprocalReviewOverdue(reciprocal.Id, self.Authority, reciprocal.PlacingAuthority, reciprocal.NextReviewDue!.Value, now));
        }

        if (lapsed.Count > 0)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A meeting moved a case on meanwhile; the next sweep looks again with fresh data.
                return 0;
            }

            outbox.Flush();
            LogOverdue(logger, lapsed.Count);
        }

        return lapsed.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} reciprocal reviews are past their due date")]
    private static partial void LogOverdue(ILogger logger, int count);

}
