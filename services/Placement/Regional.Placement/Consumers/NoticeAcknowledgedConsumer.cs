using MassTransit;
using Microsoft.EntityFrameworkCore;
using Regional.Contracts.Placements.V1;
using Regional.Messaging;
using Regional.Placement.Data;
using Regional.Placement.Domain;

namespace Regional.Placement.Consumers;

/// <summary>
/// Placing side: the host acknowledged our notice, possibly after it was escalated as overdue.
/// One conditional update, idempotent by construction, like the receipt.
/// </summary>
public sealed class NoticeAcknowledgedConsumer(PlacementDbContext db, ServiceIdentity self) : IConsumer<NoticeAcknowledged>
{
    public async Task Consume(ConsumeContext<NoticeAcknowledged> context)
    {
        var acknowledgement = context.Message;
        MisroutedMessageException.ThrowIfNotFor(acknowledgement, self);
        var at = acknowledgement.AcknowledgedAt;
        var role = acknowledgement.AcknowledgedByRole;
        var updated = await db.Notifications
            .Where(n => n.Id == acknowledgement.NotificationId && n.To == acknowledgement.From)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(n => n.Status, NotificationStatus.Acknowledged)
                    .SetProperty(n => n.AcknowledgedAt, n => n.AcknowledgedAt ?? at)
                    .SetProperty(n => n.AcknowledgedByRole, n => n.AcknowledgedByRole ?? role)
                    // An acknowledgement implies delivery, even if its receipt is still on the way.
                    .SetProperty(n => n.DeliveredAt, n => n.DeliveredAt ?? at)
                    .SetProperty(n => n.SentAt, n => n.SentAt ?? at)
                    .SetProperty(n => n.Version, n => n.Version + 1),
                context.CancellationToken);
        if (updated == 0)
        {
            throw new MisroutedMessageException($"Notification {acknowledgement.NotificationId} was not sent by us to '{acknowledgement.From}'.");
        }
    }
}

public sealed class NoticeAcknowledgedConsumerDefinition : RegionalConsumerDefinition<NoticeAcknowledgedConsumer>;
