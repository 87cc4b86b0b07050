using Microsoft.EntityFrameworkCore;
using Regional.Contracts.Placements.V1;
using Regional.Messaging;
using Regional.Placement.Data;
using Regional.Placement.Domain;

namespace Regional.Placement.Features;

/// <summary>
/// A notification whose outbox message the broker confirmed is "sent". Conditional updates:
/// the host's receipt may already have moved it on, and a read-then-write here would put it back.
/// </summary>
internal sealed class MarkNotificationsSent(PlacementDbContext db) : IOutboxDispatchListener
{
    private static readonly HashSet<string> NoticeTypes =
        [MessageTypes.UrnOf(typeof(PlacementNotice)), MessageTypes.UrnOf(typeof(PlacementEndNotice))];

    public async Task OnDispatchedAsync(IReadOnlyCollection<OutboxMessage> dispatched, DateTimeOffset dispatchedAt, CancellationToken cancellationToken)
    {
        var ids = dispatched.Where(m => NoticeTypes.Contains(m.MessageType)).Select(m => m.MessageId).ToList();
        if (ids.Count == 0)
        {
            return;
        }

        await db.Notifications
            .Where(n => ids.Contains(n.OutboxMessageId))
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(n => n.SentAt, n => n.SentAt ?? dispatchedAt)
                    .SetProperty(n => n.Status, n => n.Status == NotificationStatus.Pending ? NotificationStatus.Sent : n.Status)
                    .SetProperty(n => n.Version, n => n.Version + 1),
                cancellationToken);
    }
}
