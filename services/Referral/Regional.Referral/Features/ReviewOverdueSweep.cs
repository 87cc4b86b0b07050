using Microsoft.EntityFrameworkCore;
using Regional.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
        var work = scope.ServiceProvider.GetRequiredService<UnitOfWork<ReferralDbContext>>();
        var self = scope.ServiceProvider.GetRequiredService<ServiceIdentity>();
        var reported = 0;

        // The sweep's own bookkeeping: re-read and re-applied if a meeting moves a case on
        // meanwhile, and never a change of the case's revision that a person's If-Match would trip on.
        await work.ExecuteAsync(async ct =>
        {
            var now = Clock.GetUtcNow();
            var today = calendar.LocalDate(now);
            var lapsed = await work.Db.Cases
                .Where(c => c.Status == CaseStatus.Open && c.NextReviewDue != null && c.NextReviewDue < today
                            && (c.OverdueReportedFor == null || c.OverdueReportedFor != c.NextReviewDue))
                .OrderBy(c => c.NextReviewDue)
                .Take(500)
                .ToListAsync(ct);
            reported = lapsed.Count(c => c.NoteReviewLapse(today, self.Authority, now));
        }, cancellationToken, ChangeOrigin.System);

        if (reported > 0)
        {
            LogOverdue(logger, reported);
        }

        return reported;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} reciprocal reviews are past their due date")]
    private static partial void LogOverdue(ILogger logger, int count);

}
