using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Regional.Messaging;
using Regional.ServiceDefaults;
using Regional.Placement.Domain;

namespace Regional.Placement.Data;

/// <summary>
/// One authority's placement database: its own children placed elsewhere, its register of
/// children placed here by others, and its outbox and inbox. Never another authority's
/// records beyond what was sent to it.
/// </summary>
public abstract class PlacementDbContext(DbContextOptions options) : DbContext(options), IMessagingDbContext
{
    public DbSet<Domain.Placement> Placements => Set<Domain.Placement>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<RegisterEntry> Register => Set<RegisterEntry>();

    public DbSet<IncomingNotice> IncomingNotices => Set<IncomingNotice>();

    public DbSet<MissingEpisode> MissingEpisodes => Set<MissingEpisode>();

    public DbSet<RegisterMissingEpisode> RegisterMissing => Set<RegisterMissingEpisode>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<InboxMessage> Inbox => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();

        modelBuilder.Entity<Domain.Placement>(placement =>
        {
            placement.ToTable("placements");
            placement.HasKey(p => p.Id);
            placement.Property(p => p.HostAuthority).HasMaxLength(40);
            placement.Property(p => p.LegalStatus).HasMaxLength(10);
            placement.Property(p => p.PlacementType).HasMaxLength(40);
            placement.Property(p => p.EndReason).HasMaxLength(500);
            placement.OwnsOne(p => p.Child, MapChild);
            placement.OwnsOne(p => p.Address, MapAddress);
            placement.OwnsOne(p => p.Health, MapHealth);
            placement.Property(p => p.ExploitationRisks).HasMaxLength(4000);
            placement.HasMany(p => p.Notifications).WithOne().HasForeignKey(n => n.PlacementId);
            placement.HasIndex(p => p.RecordedAt);
            placement.Property(p => p.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<Notification>(notification =>
        {
            notification.ToTable("notifications");
            notification.HasKey(n => n.Id);
            notification.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
            notification.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
            notification.Property(n => n.To).HasMaxLength(40);
            notification.Property(n => n.AcknowledgedByRole).HasMaxLength(40);
            notification.HasIndex(n => n.OutboxMessageId).IsUnique();
            // The overdue sweep's query.
            notification.HasIndex(n => new { n.Status, n.AcknowledgeBy });
            notification.Ignore(n => n.IsAwaitingAcknowledgement);
            notification.Property(n => n.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<RegisterEntry>(entry =>
        {
            entry.ToTable("register_entries");
            entry.HasKey(e => e.PlacementId);
            entry.Property(e => e.PlacementId).ValueGeneratedNever();
            entry.Property(e => e.PlacingAuthority).HasMaxLength(40);
            entry.Property(e => e.LegalStatus).HasMaxLength(10);
            entry.Property(e => e.PlacementType).HasMaxLength(40);
            entry.Property(e => e.EndReason).HasMaxLength(500);
            entry.OwnsOne(e => e.Child, MapChild);
            entry.OwnsOne(e => e.Address, MapAddress);
            entry.OwnsOne(e => e.Health, MapHealth);
            entry.Property(e => e.ExploitationRisks).HasMaxLength(4000);
            entry.HasMany(e => e.Notices).WithOne().HasForeignKey(n => n.PlacementId);
        });

        modelBuilder.Entity<IncomingNotice>(notice =>
        {
            notice.ToTable("incoming_notices");
            notice.HasKey(n => n.NotificationId);
            notice.Property(n => n.NotificationId).ValueGeneratedNever();
            notice.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
            notice.Property(n => n.AcknowledgedBy).HasMaxLength(200);
        });

        MapMissing(modelBuilder);
    }

    private static void MapMissing(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MissingEpisode>(episode =>
        {
            episode.ToTable("missing_episodes");
            episode.HasKey(e => e.Id);
            episode.Property(e => e.Id).ValueGeneratedNever();
            episode.Property(e => e.ChildLocalId).HasMaxLength(50);
            episode.Property(e => e.ReportedBy).HasMaxLength(20);
            episode.Property(e => e.Description).HasMaxLength(2000);
            episode.Property(e => e.PhotoReference).HasMaxLength(500);
            episode.Property(e => e.Phone).HasMaxLength(40);
            episode.Property(e => e.RiskLevel).HasMaxLength(10);
            episode.Property(e => e.LastSeenAt).HasMaxLength(500);
            episode.Property(e => e.FoundWhere).HasMaxLength(500);
            episode.Property(e => e.FoundBy).HasMaxLength(200);
            episode.Property(e => e.ReturnHomeInterviewOutcome).HasMaxLength(10);
            episode.Property(e => e.ReturnHomeInterviewBy).HasMaxLength(200);
            episode.HasOne<Domain.Placement>().WithMany().HasForeignKey(e => e.PlacementId);
            episode.HasIndex(e => new { e.PlacementId, e.ReturnedAt });
            // The repeat window's count.
            episode.HasIndex(e => new { e.ChildLocalId, e.MissingSince });
            // The return home interview sweep's query.
            episode.HasIndex(e => new { e.ReturnHomeInterviewOverdueAt, e.ReturnHomeInterviewDueBy });
            episode.Ignore(e => e.IsOpen);
            episode.Property(e => e.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<RegisterMissingEpisode>(episode =>
        {
            episode.ToTable("register_missing");
            episode.HasKey(e => e.EpisodeId);
            episode.Property(e => e.EpisodeId).ValueGeneratedNever();
            episode.Property(e => e.ChildLocalId).HasMaxLength(50);
            episode.Property(e => e.ReportedBy).HasMaxLength(20);
            episode.Property(e => e.Description).HasMaxLength(2000);
            episode.Property(e => e.PhotoReference).HasMaxLength(500);
            episode.Property(e => e.Phone).HasMaxLength(40);
            episode.Property(e => e.RiskLevel).HasMaxLength(10);
            episode.Property(e => e.LastSeenAt).HasMaxLength(500);
            episode.Property(e => e.FoundWhere).HasMaxLength(500);
            episode.Property(e => e.FoundBy).HasMaxLength(200);
            episode.Property(e => e.ReturnHomeInterviewOutcome).HasMaxLength(10);
            episode.Property(e => e.ReturnHomeInterviewBy).HasMaxLength(200);
            episode.HasOne<RegisterEntry>().WithMany().HasForeignKey(e => e.PlacementId);
            episode.HasIndex(e => new { e.PlacementId, e.ReturnedAt });
        });
    }

    private static void MapChild<T>(OwnedNavigationBuilder<T, ChildRecord> child)
        where T : class
    {
        child.Property(c => c.LocalId).HasColumnName("child_local_id").HasMaxLength(50);
        child.Property(c => c.GivenName).HasColumnName("child_given_name").HasMaxLength(100);
        child.Property(c => c.FamilyName).HasColumnName("child_family_name").HasMaxLength(100);
        child.Property(c => c.DateOfBirth).HasColumnName("child_date_of_birth");
        child.Property(c => c.NhsNumber).HasColumnName("child_nhs_number").HasMaxLength(10);
        child.Property(c => c.Gender).HasColumnName("child_gender").HasMaxLength(20);
        child.Property(c => c.Ethnicity).HasColumnName("child_ethnicity").HasMaxLength(100);
    }

    private static void MapHealth<T>(OwnedNavigationBuilder<T, HealthRecord> health)
        where T : class
    {
        health.Property(h => h.Conditions).HasColumnName("health_conditions").HasMaxLength(2000);
        health.Property(h => h.Medication).HasColumnName("health_medication").HasMaxLength(2000);
        health.Property(h => h.Allergies).HasColumnName("health_allergies").HasMaxLength(2000);
    }

    private static void MapAddress<T>(OwnedNavigationBuilder<T, AddressRecord> address)
        where T : class
    {
        address.Property(a => a.Line1).HasColumnName("address_line1").HasMaxLength(200);
        address.Property(a => a.Line2).HasColumnName("address_line2").HasMaxLength(200);
        address.Property(a => a.Town).HasColumnName("address_town").HasMaxLength(100);
        address.Property(a => a.Postcode).HasColumnName("address_postcode").HasMaxLength(10);
    }
}

/// <summary>SQLite, the embedded default. Instants are stored as UTC ticks so that SQL can order and compare them.</summary>
public sealed class SqlitePlacementDbContext(DbContextOptions<SqlitePlacementDbContext> options) : PlacementDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>PostgreSQL, the server database.</summary>
public sealed class PostgresPlacementDbContext(DbContextOptions<PostgresPlacementDbContext> options) : PlacementDbContext(options);

/// <summary>SQL Server. Instants are native <c>datetimeoffset</c>; text compares ordinally, as on the other providers.</summary>
public sealed class SqlServerPlacementDbContext(DbContextOptions<SqlServerPlacementDbContext> options) : PlacementDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<string>().UseCollation(Persistence.SqlServerCollation);
    }
}
