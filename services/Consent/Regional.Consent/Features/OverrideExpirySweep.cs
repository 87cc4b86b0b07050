using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Regional.Consent.Data;
using Regional.Consent.Domain;
using Regional.Messaging;
using Regional.Region;
using Regional.ServiceDefaults;

namespace Regional.Consent.Features;

public sealed class ConsentOptions
{
    public const string SectionName = "Consent";

    /// <summary>How often the service looks for overrides whose review date has passed without renewal.</summary>
    public TimeSpan ExpiryCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// An override holds through its review date. The views compute that from the clock; the
/// authority's other services keep their own copy, so once the date has passed without renewal
/// they are told it no longer holds (or that consent now does), once.
/// </summary>
public sealed partial class OverrideExpirySweep(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    WorkingDayCalendar calendar,
    IOptions<ConsentOptions> options,
    ILogger<OverrideExpirySweep> logger) : PeriodicSweep(clock, logger)
{
    protected override TimeSpan Interval => options.Value.ExpiryCheckInterval;

    public override async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var work = scope.ServiceProvider.GetRequiredService<UnitOfWork<ConsentDbContext>>();
        var self = scope.ServiceProvider.GetRequiredService<ServiceIdentity>();
        var ended = 0;

        await work.ExecuteAsync(async ct =>
        {
            var at = ConsentRecords.Clock(self.Authority, Clock, calendar);
            var lapsed = await work.Db.Records
                .Where(r => r.Announced.Any(a => a.Basis == Bases.Safeguarding && a.ReviewBy < at.Today))
                .Include(r => r.Decisions)
                .Include(r => r.Overrides)
                .Include(r => r.Announced)
                .AsSplitQuery()
                .OrderBy(r => r.ChildLocalId)
                .Take(200)
                .ToListAsync(ct);
            ended = lapsed.Sum(r => r.Announce(at).Count);
        }, cancellationToken, ChangeOrigin.System);

        if (ended > 0)
        {
            LogLapsed(logger, ended);
        }

        return ended;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} safeguarding overrides passed their review date; the authority's services were told")]
    private static partial void LogLapsed(ILogger logger, int count);
}
