using MassTransit;
using Microsoft.EntityFrameworkCore;
using Regional.Contracts.Monitoring.V1;
using Regional.Contracts.Placements.V1;
using Regional.Contracts.Referrals.V1;
using Regional.Messaging;
using Regional.Placement.Data;
using Regional.Placement.Domain;

namespace Regional.Placement.Consumers;

/// <summary>
/// Host side: a placing authority tells us a child of theirs lives in our area. The child
/// enters our register once, however often the notice arrives, and a receipt goes back.
/// </summary>
public sealed class PlacementNoticeConsumer(
    PlacementDbContext db, UnitOfWork<PlacementDbContext> work, CrossBorderOutbox outbox, ServiceIdentity self, TimeProvider clock, PlacementMetrics metrics)
    : IConsumer<PlacementNotice>
{
    public async Task Consume(ConsumeContext<PlacementNotice> context)
    {
        var notice = context.Message;
        MisroutedMessageException.ThrowIfNotFor(notice, self);
        var now = clock.GetUtcNow();

        // A re-sent notice (a new message id for the same notification) must not add a second entry.
        var known = await db.IncomingNotices.AnyAsync(n => n.NotificationId == notice.NotificationId, context.CancellationToken);
        if (!known)
        {
            var entry = await db.Register.FirstOrDefaultAsync(e => e.PlacementId == notice.PlacementId, context.CancellationToken);
            if (entry is null)
            {
                db.Register.Add(new RegisterEntry
                {
                    PlacementId = notice.PlacementId,
                    PlacingAuthority = notice.From,
                    Child = new ChildRecord
                    {
                        LocalId = notice.Child.LocalId,
                        GivenName = notice.Child.GivenName,
                        FamilyName = notice.Child.FamilyName,
                        DateOfBirth = notice.Child.DateOfBirth,
                        NhsNumber = notice.Child.NhsNumber,
                        Gender = notice.Child.Gender,
                        Ethnicity = notice.Child.Ethnicity,
                    },
                    LegalStatus = notice.LegalStatus,
                    PlacementType = notice.PlacementType,
                    StartDate = notice.StartDate,
                    Address = new AddressRecord
                    {
                        Line1 = notice.Address.Line1,
                        Line2 = notice.Address.Line2,
                        Town = notice.Address.Town,
                        Postcode = notice.Address.Postcode,
                    },
                    IsEmergency = notice.IsEmergency,
                    Health = notice.Health is { } health ? new HealthRecord { Conditions = health.Conditions, Medication = health.Medication, Allergies = health.Allergies } : null,
                    ExploitationRisks = notice.ExploitationRisks,
                });

                // Our referral service matches CRE concerns against the register; it learns of
                // the child in the same transaction, over the broker, never from our database.
                outbox.Send(db, new IncomingChildRegistered(
                    notice.PlacementId, self.Authority, self.Authority, notice.From, notice.Child, notice.StartDate, now));
            }
            else if (entry.PlacingAuthority != notice.From)
            {
                throw new MisroutedMessageException($"Placement {notice.PlacementId} is held for another placing authority.");
            }

            db.IncomingNotices.Add(new IncomingNotice
            {
                NotificationId = notice.NotificationId,
                PlacementId = notice.PlacementId,
                Kind = NotificationKind.PlacementStart,
                ReceivedAt = now,
                AcknowledgeBy = notice.AcknowledgeBy,
            });
            outbox.Send(db, new NoticeReceived(notice.NotificationId, notice.PlacementId, self.Authority, notice.From, now));
            outbox.Publish(db, new CrossBorderStepRecorded(notice.NotificationId, StepKinds.PlacementNoticeReceived, notice.From, self.Authority, now));
        }

        await work.CommitAsync(context.CancellationToken);
        if (!known)
        {
            metrics.NoticeReceived(NotificationKind.PlacementStart, notice.From);
        }
    }
}

public sealed class PlacementNoticeConsumerDefinition : InboxConsumerDefinition<PlacementNoticeConsumer>;
