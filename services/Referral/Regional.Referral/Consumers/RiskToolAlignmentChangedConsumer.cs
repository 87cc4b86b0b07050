using MassTransit;
using Microsoft.EntityFrameworkCore;
using Regional.Contracts.Monitoring.V1;
using Regional.Messaging;
using Regional.Referral.Data;
using Regional.Referral.Domain;

namespace Regional.Referral.Consumers;

/// <summary>
/// The region changed which tool versions are aligned. We keep the newest revision, and flag
/// every open case, as host and as placing authority, whose current assessment used a version
/// that is now retired; re-aligning the version lifts the flag.
/// </summary>
public sealed class RiskToolAlignmentChangedConsumer(ReferralDbContext db, UnitOfWork<ReferralDbContext> work) : IConsumer<RiskToolAlignmentChanged>
{
    public async Task Consume(ConsumeContext<RiskToolAlignmentChanged> context)
    {
        var message = context.Message;
        var alignment = await db.ToolAlignment.OrderBy(a => a.Id).FirstOrDefaultAsync(context.CancellationToken);
        if (alignment is null)
        {
            alignment = new ToolAlignment();
            db.ToolAlignment.Add(alignment);
        }
        else if (message.Revision <= alignment.Revision)
        {
            // Already applied, or older than what we hold (a late or repeated announcement).
            return;
        }

        alignment.Revision = message.Revision;
        alignment.Aligned = [.. message.Aligned];
        alignment.Retired = [.. message.Retired];
        alignment.ChangedAt = message.ChangedAt;

        var retired = message.Retired.ToList();
        foreach (var reciprocal in await db.Cases.Where(c => c.Status == CaseStatus.Open && c.CurrentToolVersion != null).ToListAsync(context.CancellationToken))
        {
            reciprocal.NeedsReassessment = retired.Contains(reciprocal.CurrentToolVersion!);
        }

        foreach (var tracked in await db.TrackedCases.Where(c => c.Status == CaseStatus.Open && c.CurrentToolVersion != null).ToListAsync(context.CancellationToken))
        {
            tracked.NeedsReassessment = retired.Contains(tracked.CurrentToolVersion!);
        }

        await work.CommitAsync(context.CancellationToken);
    }
}

public sealed class RiskToolAlignmentChangedConsumerDefinition : RegionalConsumerDefinition<RiskToolAlignmentChangedConsumer>;
