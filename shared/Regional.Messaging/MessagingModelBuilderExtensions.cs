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
            outbox.Property(m => m.HeldFor).HasMaxLength(300);
            // The dispatcher's only query: what has not left yet, oldest first.
            outbox.HasIndex(m => new { m.DispatchedAt, m.Sequence });
            // Releasing what waited for a basis that has now been recorded.
            outbox.HasIndex(m => m.HeldFor);
        });

        model.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("inbox_messages");
            inbox.HasKey(m => new { m.MessageId, m.Consumer });
            inbox.Property(m => m.Consumer).HasMaxLength(200);
            // The retention sweep's query.
            inbox.HasIndex(m => m.ConsumedAt);
        });

        model.Entity<RecordedBasis>(basis =>
        {
            basis.ToTable("recorded_bases");
            basis.HasKey(b => b.BasisId);
            basis.Property(b => b.BasisId).ValueGeneratedNever();
            basis.Property(b => b.ChildLocalId).HasMaxLength(100);
            basis.Property(b => b.Purpose).HasMaxLength(40);
            basis.Property(b => b.RecipientType).HasMaxLength(40);
            basis.Property(b => b.Basis).HasMaxLength(40);
            basis.Property(b => b.Reference).HasMaxLength(200);
            basis.HasIndex(b => b.ChildLocalId);
        });

        model.Entity<DisclosureAuditEntry>(audit =>
        {
            audit.ToTable(DisclosureAudit.Table);
            audit.HasKey(e => e.Position);
            audit.Property(e => e.Position).ValueGeneratedNever();
            audit.HasIndex(e => e.EntryId).IsUnique();
            audit.Property(e => e.Kind).HasMaxLength(20);
            audit.Property(e => e.What).HasMaxLength(200);
            audit.Property(e => e.Counterpart).HasMaxLength(100);
            audit.Property(e => e.RecipientType).HasMaxLength(40);
            audit.Property(e => e.ChildOwner).HasMaxLength(100);
            audit.Property(e => e.ChildLocalId).HasMaxLength(100);
            audit.Property(e => e.Basis).HasMaxLength(200);
            audit.Property(e => e.BasisReference).HasMaxLength(1000);
            audit.Property(e => e.ActorRole).HasMaxLength(100);
            audit.Property(e => e.CorrelationId).HasMaxLength(64);
            audit.Property(e => e.PreviousHash).HasMaxLength(64);
            audit.Property(e => e.Hash).HasMaxLength(64);
            audit.HasIndex(e => new { e.ChildOwner, e.ChildLocalId });
        });

        return model;
    }
}
