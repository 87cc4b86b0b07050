using MassTransit;
using Microsoft.EntityFrameworkCore;
using Regional.Contracts.Monitoring.V1;
using Regional.Contracts.Placements.V1;
using Regional.Contracts.Referrals.V1;
using Regional.Messaging;
using Regional.Placement.Data;
using Regional.Placement.Domain;

namespace Regional.Placement.Consumers;

/// <summary>Host side: a placement in our area has ended.</summary>
public sealed class PlacementEndNoticeConsumer(
    PlacementDbContext db, UnitOfWork<PlacementDbContext> work, CrossBorderOutbox outbox, ServiceIdentity self, TimeProvider clock, PlacementMetrics metrics)
    : IConsumer<PlacementEndNotice>
{
    public async Task Consume(ConsumeContext<PlacementEndNotice> context)
    {
        var notice = context.Message;
        MisroutedMessageException.ThrowIfNotFor(notice, self);
        var now = clock.GetUtcNow();

        var known = await db.IncomingNotices.AnyAsync(n => n.NotificationId == notice.NotificationId, context.CancellationToken);
        if (!known)
        {
            // Notices leave the placing authority in order, so the start is here unless it is
            // still being retried; failing lets the retry wait for it rather than lose the end.
            var entry = await db.Register.FirstOrDefaultAsync(e => e.PlacementId == notice.PlacementId, context.CancellationToken)
                ?? throw new InvalidOperationException($"Placement {notice.PlacementId} is not in the register yet.");
            if (entry.PlacingAuthority != notice.From)
            {
                throw new MisroutedMessageException($"Placement {notice.PlacementId} is held for another placing authority.");
            }

            entry.EndDate = notice.EndDate;
            entry.EndReason = notice.EndReason;
            db.IncomingNotices.Add(new IncomingNotice
            {
                NotificationId = notice.NotificationId,
                PlacementId = notice.PlacementId,
                Kind = NotificationKind.PlacementEnd,
                ReceivedAt = now,
                AcknowledgeBy = notice.AcknowledgeBy,
            });
            outbox.Send(db, new NoticeReceived(notice.NotificationId, notice.PlacementId, self.Authority, notice.From, now));
            outbox.Send(db, new IncomingChildEnded(notice.PlacementId, self.Authority, self.Authority, notice.From, notice.EndDate, now));
            outbox.Publish(db, new CrossBorderStepRecorded(notice.NotificationId, StepKinds.EndNoticeReceived, notice.From, self.Authority, now));
        }

        await work.CommitAsync(context.CancellationToken);
        if (!known)
        {
            metrics.NoticeReceived(NotificationKind.PlacementEnd, notice.From);
        }
    }
}

public sealed class PlacementEndNoticeConsumerDefinition : InboxConsumerDefinition<PlacementEndNoticeConsumer>;
