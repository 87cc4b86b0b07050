using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Regional.Messaging;
using Regional.ServiceDefaults;
using Regional.Referral.Domain;

namespace Regional.Referral.Data;

/// <summary>
/// One authority's referral database: its copy of its register of incoming children, the
/// concerns it received, the reciprocal cases it holds as host, the cases it tracks as placing
/// authority, the aligned tool versions, and its outbox and inbox.
/// </summary>
public abstract class ReferralDbContext(DbContextOptions options) : DbContext(options), IMessagingDbContext
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public DbSet<IncomingChild> IncomingChildren => Set<IncomingChild>();

    public DbSet<IntelligenceReport> IntelligenceReports => Set<IntelligenceReport>();

    public DbSet<Domain.Referral> Referrals => Set<Domain.Referral>();

    public DbSet<ReciprocalCase> Cases => Set<ReciprocalCase>();

    public DbSet<CaseMeeting> Meetings => Set<CaseMeeting>();

    public DbSet<TrackedCase> TrackedCases => Set<TrackedCase>();

    public DbSet<TrackedConcern> TrackedConcerns => Set<TrackedConcern>();

    public DbSet<TrackedMeeting> TrackedMeetings => Set<TrackedMeeting>();

    public DbSet<ToolAlignment> ToolAlignment => Set<ToolAlignment>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<InboxMessage> Inbox => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();

        modelBuilder.Entity<IntelligenceReport>(r =>
        {
            r.ToTable("intelligence_reports");
            r.HasKey(x => x.Id);
            r.Property(x => x.Id).ValueGeneratedNever();
            r.Property(x => x.Subject).HasMaxLength(20);
            r.Property(x => x.Area).HasMaxLength(40);
            r.Property(x => x.Force).HasMaxLength(40);
            r.Property(x => x.Description).HasMaxLength(4000);
            r.Property(x => x.Address).HasMaxLength(500);
            r.Property(x => x.VehicleRegistration).HasMaxLength(20);
            r.Property(x => x.Association).HasMaxLength(2000);
            r.Property(x => x.ReportedBy).HasMaxLength(200);
            r.HasIndex(x => x.ReportedAt);
        });

        modelBuilder.Entity<IncomingChild>(child =>
        {
            child.ToTable("incoming_children");
            child.HasKey(c => c.PlacementId);
            child.Property(c => c.PlacementId).ValueGeneratedNever();
            child.Property(c => c.PlacingAuthority).HasMaxLength(40);
            child.Property(c => c.LocalId).HasMaxLength(50);
            child.Property(c => c.GivenName).HasMaxLength(100);
            child.Property(c => c.FamilyName).HasMaxLength(100);
            child.Property(c => c.NhsNumber).HasMaxLength(10);
            child.Property(c => c.Gender).HasMaxLength(20);
            child.Property(c => c.Ethnicity).HasMaxLength(100);
            child.HasIndex(c => c.NhsNumber);
            child.HasIndex(c => new { c.PlacingAuthority, c.LocalId });
            child.HasIndex(c => c.DateOfBirth);
        });

        modelBuilder.Entity<Domain.Referral>(referral =>
        {
            referral.ToTable("referrals");
            referral.HasKey(r => r.Id);
            referral.Property(r => r.Source).HasMaxLength(40);
            referral.Property(r => r.SourceReference).HasMaxLength(100);
            referral.Property(r => r.Concerns).HasMaxLength(4000);
            referral.Property(r => r.MatchedOn).HasMaxLength(40);
            referral.Property(r => r.PlacingAuthority).HasMaxLength(40);
            referral.Property(r => r.RecordedBy).HasMaxLength(200);
            referral.Ignore(r => r.IsCrossBorder);
            // The same concern sent again (a retry, a second feed) is recognised by its reference.
            // NULLs are distinct in a unique index on SQLite and PostgreSQL, so unreferenced concerns never
            // collide; SQL Server treats NULLs as equal, and EF filters its index to referenced concerns instead.
            referral.HasIndex(r => new { r.Source, r.SourceReference }).IsUnique();
            referral.HasIndex(r => r.ReceivedAt);
            referral.OwnsOne(r => r.Child, child =>
            {
                child.Property(c => c.GivenName).HasColumnName("child_given_name").HasMaxLength(100);
                child.Property(c => c.FamilyName).HasColumnName("child_family_name").HasMaxLength(100);
                child.Property(c => c.DateOfBirth).HasColumnName("child_date_of_birth");
                child.Property(c => c.NhsNumber).HasColumnName("child_nhs_number").HasMaxLength(10);
                child.Property(c => c.LocalId).HasColumnName("child_local_id").HasMaxLength(50);
                child.Property(c => c.PlacingAuthority).HasColumnName("child_placing_authority").HasMaxLength(40);
            });
        });

        modelBuilder.Entity<ReciprocalCase>(c =>
        {
            c.ToTable("reciprocal_cases");
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).ValueGeneratedNever();
            c.Property(x => x.PlacingAuthority).HasMaxLength(40);
            c.Property(x => x.ChildLocalId).HasMaxLength(50);
            c.Property(x => x.ChildGivenName).HasMaxLength(100);
            c.Property(x => x.ChildFamilyName).HasMaxLength(100);
            c.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.CurrentLevel).HasMaxLength(20);
            c.Property(x => x.CurrentToolVersion).HasMaxLength(40);
            c.Property(x => x.ClosureProposedReason).HasMaxLength(40);
            c.Property(x => x.ClosureProposedNote).HasMaxLength(2000);
            c.Property(x => x.ClosedReason).HasMaxLength(40);
            c.Property(x => x.ClosedNote).HasMaxLength(2000);
            c.Property(x => x.Version).IsConcurrencyToken();
            c.HasIndex(x => x.PlacementId);
            // The overdue sweep's query.
            c.HasIndex(x => new { x.Status, x.NextReviewDue });
            c.HasMany(x => x.Meetings).WithOne().HasForeignKey(m => m.CaseId);
        });

        modelBuilder.Entity<CaseMeeting>(m =>
        {
            m.ToTable("case_meetings");
            m.HasKey(x => x.Id);
            m.Property(x => x.Id).ValueGeneratedNever();
            m.Property(x => x.Type).HasMaxLength(40);
            m.Property(x => x.ToolVersion).HasMaxLength(40);
            m.Property(x => x.DerivedLevel).HasMaxLength(20);
            m.Property(x => x.Level).HasMaxLength(20);
            m.Property(x => x.Rule).HasMaxLength(100);
            m.Property(x => x.Explanation).HasMaxLength(2000);
            m.Property(x => x.OverrideRationale).HasMaxLength(2000);
            m.Property(x => x.RecordedBy).HasMaxLength(200);
            m.OwnsOne(x => x.Attendance, MapAttendance);
            JsonColumn(m.Property(x => x.Plan));
        });

        modelBuilder.Entity<TrackedCase>(c =>
        {
            c.ToTable("tracked_cases");
            c.HasKey(x => x.CaseId);
            c.Property(x => x.CaseId).ValueGeneratedNever();
            c.Property(x => x.HostAuthority).HasMaxLength(40);
            c.Property(x => x.ChildLocalId).HasMaxLength(50);
            c.Property(x => x.ChildGivenName).HasMaxLength(100);
            c.Property(x => x.ChildFamilyName).HasMaxLength(100);
            c.Property(x => x.ChildNhsNumber).HasMaxLength(10);
            c.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.CurrentLevel).HasMaxLength(20);
            c.Property(x => x.CurrentToolVersion).HasMaxLength(40);
            c.Property(x => x.CurrentRule).HasMaxLength(100);
            c.Property(x => x.ClosureProposedReason).HasMaxLength(40);
            c.Property(x => x.ClosureProposedNote).HasMaxLength(2000);
            c.Property(x => x.ClosedReason).HasMaxLength(40);
            c.Property(x => x.ClosedNote).HasMaxLength(2000);
            c.Property(x => x.Version).IsConcurrencyToken();
            JsonColumn(c.Property(x => x.CurrentPlan));
            c.HasMany(x => x.Concerns).WithOne().HasForeignKey(x => x.CaseId);
            c.HasMany(x => x.Meetings).WithOne().HasForeignKey(x => x.CaseId);
        });

        modelBuilder.Entity<TrackedConcern>(t =>
        {
            t.ToTable("tracked_concerns");
            t.HasKey(x => x.ReferralId);
            t.Property(x => x.ReferralId).ValueGeneratedNever();
            t.Property(x => x.Source).HasMaxLength(40);
            t.Property(x => x.SourceReference).HasMaxLength(100);
            t.Property(x => x.Concerns).HasMaxLength(4000);
            t.Property(x => x.MatchedOn).HasMaxLength(40);
        });

        modelBuilder.Entity<TrackedMeeting>(t =>
        {
            t.ToTable("tracked_meetings");
            t.HasKey(x => x.MeetingId);
            t.Property(x => x.MeetingId).ValueGeneratedNever();
            t.Property(x => x.Type).HasMaxLength(40);
            t.Property(x => x.ToolVersion).HasMaxLength(40);
            t.Property(x => x.DerivedLevel).HasMaxLength(20);
            t.Property(x => x.Level).HasMaxLength(20);
            t.Property(x => x.Rule).HasMaxLength(100);
            t.Property(x => x.Explanation).HasMaxLength(2000);
            t.Property(x => x.OverrideRationale).HasMaxLength(2000);
            t.OwnsOne(x => x.Attendance, MapAttendance);
            JsonColumn(t.Property(x => x.Plan));
        });

        modelBuilder.Entity<ToolAlignment>(a =>
        {
            a.ToTable("tool_alignment");
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).ValueGeneratedNever();
            JsonColumn(a.Property(x => x.Aligned));
            JsonColumn(a.Property(x => x.Retired));
        });
    }

    private static void MapAttendance<T>(OwnedNavigationBuilder<T, Attendance> attendance)
        where T : class
    {
        attendance.Property(a => a.ChildAttended).HasColumnName("child_attended");
        attendance.Property(a => a.ParentCarerAttended).HasColumnName("parent_carer_attended");
        attendance.Property(a => a.ViewsGivenBefore).HasColumnName("views_given_before");
        attendance.Property(a => a.ChildMissing).HasColumnName("child_missing");
        attendance.Property(a => a.ChildViews).HasColumnName("child_views").HasMaxLength(4000);
    }

    /// <summary>
    /// Small structured values (a plan, a list of codes) as one JSON text column, the same on
    /// both providers, compared by content so that changing an item is noticed.
    /// </summary>
    private static void JsonColumn<T>(PropertyBuilder<T> property)
        where T : class, new()
    {
        property.HasConversion(new ValueConverter<T, string>(
            v => JsonSerializer.Serialize(v, Json),
            s => JsonSerializer.Deserialize<T>(s, Json) ?? new T()));
        property.Metadata.SetValueComparer(new ValueComparer<T>(
            (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
            v => JsonSerializer.Serialize(v, Json).GetHashCode(StringComparison.Ordinal),
            v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Json), Json)!));
    }
}

/// <summary>SQLite, the embedded default. Instants are stored as UTC ticks so that SQL can order and compare them.</summary>
public sealed class SqliteReferralDbContext(DbContextOptions<SqliteReferralDbContext> options) : ReferralDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>PostgreSQL, the server database.</summary>
public sealed class PostgresReferralDbContext(DbContextOptions<PostgresReferralDbContext> options) : ReferralDbContext(options);

/// <summary>SQL Server. Instants are native <c>datetimeoffset</c>; text compares ordinally, as on the other providers.</summary>
public sealed class SqlServerReferralDbContext(DbContextOptions<SqlServerReferralDbContext> options) : ReferralDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<string>().UseCollation(Persistence.SqlServerCollation);
    }
}
