using Microsoft.EntityFrameworkCore;

namespace Regional.Messaging;

/// <summary>A service database that holds its own outbox and inbox next to its data.</summary>
public interface IMessagingDbContext
{
    DbSet<OutboxMessage> Outbox { get; }

    DbSet<InboxMessage> Inbox { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
