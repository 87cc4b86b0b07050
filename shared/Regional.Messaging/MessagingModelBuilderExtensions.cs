using Microsoft.EntityFrameworkCore;

namespace Regional.Messaging;

public static class MessagingModelBuilderExtensions
{
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder model)
    {
        model.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox_messages");
            outbox.HasKey(m => m.Sequence);
            outbox.Property(m => m.Sequence).ValueGeneratedOnAdd();
            outbox.HasIndex(m => m.MessageId).IsUnique();
            outbox.Property(m => m.MessageType).HasMaxLength(200);
            outbox.Property(m => m.Destination).HasMaxLength(200);
            outbox.Property(m => m.TraceParent).HasMaxLength(100);
            outbox.Property(m => m.LastError).HasMaxLength(500);
            // The dispatcher's only query: what has not left yet, oldest first.
            outbox.HasIndex(m => new { m.DispatchedAt, m.Sequence });
        });

        model.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("inbox_messages");
            inbox.HasKey(m => new { m.MessageId, m.Consumer });
            inbox.Property(m => m.Consumer).HasMaxLength(200);
            // The retention sweep's query.
            inbox.HasIndex(m => m.ConsumedAt);
        });

        return model;
    }
}
