using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Regional.Referral.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ConsumedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_messages", x => new { x.MessageId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "incoming_children",
                columns: table => new
                {
                    PlacementId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlacingAuthority = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    LocalId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    GivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: false),
                    NhsNumber = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Gender = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Ethnicity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incoming_children", x => x.PlacementId);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Destination = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Body = table.Column<string>(type: "text", nullable: false),
                    TraceParent = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DispatchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "reciprocal_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlacementId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlacingAuthority = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ChildLocalId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ChildGivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ChildFamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    InitialStrategyMeetingOn = table.Column<DateOnly>(type: "date", nullable: true),
                    NextReviewDue = table.Column<DateOnly>(type: "date", nullable: true),
                    CurrentLevel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CurrentToolVersion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    NeedsReassessment = table.Column<bool>(type: "boolean", nullable: false),
                    ClosureProposedReason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ClosureProposedNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ClosureProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedReason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ClosedNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OverdueReportedFor = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reciprocal_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SourceReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Concerns = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ExploitationTypes = table.Column<List<string>>(type: "text[]", nullable: false),
                    ConcernDate = table.Column<DateOnly>(type: "date", nullable: false),
                    child_given_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    child_family_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    child_date_of_birth = table.Column<DateOnly>(type: "date", nullable: true),
                    child_nhs_number = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    child_local_id = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    child_placing_authority = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    MatchedOn = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    PlacementId = table.Column<Guid>(type: "uuid", nullable: true),
                    PlacingAuthority = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referrals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tool_alignment",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<long>(type: "bigint", nullable: false),
                    Aligned = table.Column<string>(type: "text", nullable: false),
                    Retired = table.Column<string>(type: "text", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tool_alignment", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tracked_cases",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    HostAuthority = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PlacementId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildLocalId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ChildGivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ChildFamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ChildDateOfBirth = table.Column<DateOnly>(type: "date", nullable: false),
                    ChildNhsNumber = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CurrentLevel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CurrentToolVersion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CurrentRule = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    NeedsReassessment = table.Column<bool>(type: "boolean", nullable: false),
                    NextReviewDue = table.Column<DateOnly>(type: "date", nullable: true),
                    CurrentPlan = table.Column<string>(type: "text", nullable: false),
                    ClosureProposedReason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ClosureProposedNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ClosureProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedReason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ClosedNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LatestMeetingOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tracked_cases", x => x.CaseId);
                });

            migrationBuilder.CreateTable(
                name: "case_meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    child_attended = table.Column<bool>(type: "boolean", nullable: false),
                    parent_carer_attended = table.Column<bool>(type: "boolean", nullable: false),
                    views_given_before = table.Column<bool>(type: "boolean", nullable: false),
                    child_missing = table.Column<bool>(type: "boolean", nullable: false),
                    child_views = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AssessmentJson = table.Column<string>(type: "text", nullable: true),
                    ToolVersion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    DerivedLevel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Rule = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Explanation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Overridden = table.Column<bool>(type: "boolean", nullable: false),
                    OverrideRationale = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Plan = table.Column<string>(type: "text", nullable: false),
                    NextReviewDue = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_meetings_reciprocal_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "reciprocal_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tracked_concerns",
                columns: table => new
                {
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SourceReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Concerns = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ExploitationTypes = table.Column<List<string>>(type: "text[]", nullable: false),
                    ConcernDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    MatchedOn = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tracked_concerns", x => x.ReferralId);
                    table.ForeignKey(
                        name: "FK_tracked_concerns_tracked_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "tracked_cases",
                        principalColumn: "CaseId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tracked_meetings",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    child_attended = table.Column<bool>(type: "boolean", nullable: false),
                    parent_carer_attended = table.Column<bool>(type: "boolean", nullable: false),
                    views_given_before = table.Column<bool>(type: "boolean", nullable: false),
                    child_missing = table.Column<bool>(type: "boolean", nullable: false),
                    child_views = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ToolVersion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    DerivedLevel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Rule = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Explanation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Overridden = table.Column<bool>(type: "boolean", nullable: false),
                    OverrideRationale = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Plan = table.Column<string>(type: "text", nullable: false),
                    NextReviewDue = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tracked_meetings", x => x.MeetingId);
                    table.ForeignKey(
                        name: "FK_tracked_meetings_tracked_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "tracked_cases",
                        principalColumn: "CaseId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_meetings_CaseId",
                table: "case_meetings",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_incoming_children_DateOfBirth",
                table: "incoming_children",
                column: "DateOfBirth");

            migrationBuilder.CreateIndex(
                name: "IX_incoming_children_NhsNumber",
                table: "incoming_children",
                column: "NhsNumber");

            migrationBuilder.CreateIndex(
                name: "IX_incoming_children_PlacingAuthority_LocalId",
                table: "incoming_children",
                columns: new[] { "PlacingAuthority", "LocalId" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_DispatchedAt_Sequence",
                table: "outbox_messages",
                columns: new[] { "DispatchedAt", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_MessageId",
                table: "outbox_messages",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reciprocal_cases_PlacementId",
                table: "reciprocal_cases",
                column: "PlacementId");

            migrationBuilder.CreateIndex(
                name: "IX_reciprocal_cases_Status_NextReviewDue",
                table: "reciprocal_cases",
                columns: new[] { "Status", "NextReviewDue" });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_ReceivedAt",
                table: "referrals",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_referrals_Source_SourceReference",
                table: "referrals",
                columns: new[] { "Source", "SourceReference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tracked_concerns_CaseId",
                table: "tracked_concerns",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_tracked_meetings_CaseId",
                table: "tracked_meetings",
                column: "CaseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_meetings");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "incoming_children");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "referrals");

            migrationBuilder.DropTable(
                name: "tool_alignment");

            migrationBuilder.DropTable(
                name: "tracked_concerns");

            migrationBuilder.DropTable(
                name: "tracked_meetings");

            migrationBuilder.DropTable(
                name: "reciprocal_cases");

            migrationBuilder.DropTable(
                name: "tracked_cases");
        }
    }
}
