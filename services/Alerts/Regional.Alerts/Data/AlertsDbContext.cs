using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Regional.Alerts.Domain;
using Regional.Messaging;
using Regional.ServiceDefaults;

namespace Regional.Alerts.Data;

/// <summary>
/// The alerts database, one for the region: every force's inbox (each alert belongs to one force),
/// push subscriptions and deliveries, and the service's outbox and inbox.
/// </summary>
public abstract class AlertsDbContext(DbContextOptions options) : DbContext(options), IMessagingDbContext
{
    public DbSet<PoliceAlert> Alerts => Set<PoliceAlert>();

    public DbSet<PushSubscription> PushSubscriptions => Set<PushSubscription>();

    public DbSet<PushSecret> PushSecrets => Set<PushSecret>();

    public DbSet<PushDelivery> PushDeliveries => Set<PushDelivery>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<InboxMessage> Inbox => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();

        modelBuilder.Entity<PoliceAlert>(a =>
        {
            a.ToTable("police_alerts");
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).ValueGeneratedNever();
            a.Property(x => x.Force).HasMaxLength(40);
            a.Property(x => x.Kind).HasMaxLength(40);
            a.Property(x => x.From).HasMaxLength(40);
            a.Property(x => x.Reference).HasMaxLength(30);
            a.Property(x => x.AcknowledgedBy).HasMaxLength(200);
            a.Property(x => x.EscalationOfReference).HasMaxLength(30);
            a.Property(x => x.Version).IsConcurrencyToken();
            a.Ignore(x => x.Status);
            // The feed reads by sequence; references are the force's own and never repeat.
            a.HasIndex(x => x.Sequence).IsUnique();
            a.HasIndex(x => new { x.Force, x.Reference }).IsUnique();
            a.HasIndex(x => new { x.Force, x.Year, x.Number }).IsUnique();
            a.HasIndex(x => new { x.Force, x.Sequence });
            // The escalation sweep's query.
            a.HasIndex(x => new { x.AcknowledgedAt, x.EscalatedAt, x.DeadlineAt });
        });

        modelBuilder.Entity<PushSubscription>(s =>
        {
            s.ToTable("push_subscriptions");
            s.HasKey(x => x.Force);
            s.Property(x => x.Force).HasMaxLength(40);
            s.Property(x => x.Url).HasMaxLength(2000);
            s.Property(x => x.Version).IsConcurrencyToken();
            s.HasMany(x => x.Secrets).WithOne().HasForeignKey(x => x.Force);
        });

        modelBuilder.Entity<PushSecret>(s =>
        {
            s.ToTable("push_secrets");
            s.HasKey(x => x.Id);
            s.Property(x => x.Id).HasMaxLength(40);
            s.Property(x => x.Force).HasMaxLength(40);
            s.Property(x => x.Secret).HasMaxLength(100);
            s.Ignore(x => x.Key);
        });

        modelBuilder.Entity<PushDelivery>(d =>
        {
            d.ToTable("push_deliveries");
            d.HasKey(x => x.Id);
            d.Property(x => x.Id).ValueGeneratedNever();
            d.Property(x => x.WebhookId).HasMaxLength(40);
            d.Property(x => x.Force).HasMaxLength(40);
            d.Property(x => x.Status).HasMaxLength(20);
            d.Property(x => x.LastError).HasMaxLength(300);
            d.Property(x => x.Version).IsConcurrencyToken();
            d.HasIndex(x => new { x.Status, x.NextAttemptAt });
            d.HasIndex(x => new { x.Force, x.Status, x.CreatedAt });
            d.HasIndex(x => x.AlertId).IsUnique();
        });
    }
}

/// <summary>SQLite, the embedded default. Instants are stored as UTC ticks so that SQL can order and compare them.</summary>
public sealed class SqliteAlertsDbContext(DbContextOptions<SqliteAlertsDbContext> options) : AlertsDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>PostgreSQL, the server database.</summary>
public sealed class PostgresAlertsDbContext(DbContextOptions<PostgresAlertsDbContext> options) : AlertsDbContext(options);

/// <summary>SQL Server. Instants are native <c>datetimeoffset</c>; text compares ordinally, as on the other providers.</summary>
public sealed class SqlServerAlertsDbContext(DbContextOptions<SqlServerAlertsDbContext> options) : AlertsDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<string>().UseCollation(Persistence.SqlServerCollation);
    }
}
