using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Regional.Referral.Data.Migrations.SqlServer
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
                    MessageId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Consumer = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    ConsumedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_messages", x => new { x.MessageId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "incoming_children",
                columns: table => new
                {
                    PlacementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PlacingAuthority = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false, collation: "Latin1_General_100_BIN2"),
                    LocalId = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false, collation: "Latin1_General_100_BIN2"),
                    GivenName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Latin1_General_100_BIN2"),
                    FamilyName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Latin1_General_100_BIN2"),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: false),
                    NhsNumber = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true, collation: "Latin1_General_100_BIN2"),
                    Gender = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false, collation: "Latin1_General_100_BIN2"),
                    Ethnicity = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true, collation: "Latin1_General_100_BIN2"),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MessageId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MessageType = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    Destination = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2"),
                    Body = table.Column<string>(type: "nvarchar(max)", nullable: false, collation: "Latin1_General_100_BIN2"),
                    TraceParent = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true, collation: "Latin1_General_100_BIN2"),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DispatchedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    LastError = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true, collation: "Latin1_General_100_BIN2")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "reciprocal_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PlacementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PlacingAuthority = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false, collation: "Latin1_General_100_BIN2"),
                    ChildLocalId = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false, collation: "Latin1_General_100_BIN2"),
                    ChildGivenName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Latin1_General_100_BIN2"),
                    ChildFamilyName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Latin1_General_100_BIN2"),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    InitialStrategyMeetingOn = table.Column<DateOnly>(type: "date", nullable: true),
                    NextReviewDue = table.Column<DateOnly>(type: "date", nullable: true),
                    CurrentLevel = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true, collation: "Latin1_General_100_BIN2"),
                    CurrentToolVersion = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true, collation: "Latin1_General_100_BIN2"),
                    NeedsReassessment = table.Column<bool>(type: "bit", nullable: false),
                    ClosureProposedReason = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true, collation: "Latin1_General_100_BIN2"),
                    ClosureProposedNote = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true, collation: "Latin1_General_100_BIN2"),
                    ClosureProposedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ClosedReason = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true, collation: "Latin1_General_100_BIN2"),
                    ClosedNote = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true, collation: "Latin1_General_100_BIN2"),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    OverdueReportedFor = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reciprocal_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Source = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false, collation: "Latin1_General_100_BIN2"),
                    SourceReference = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true, collation: "Latin1_General_100_BIN2"),
                    Concerns = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false, collation: "Latin1_General_100_BIN2"),
                    ExploitationTypes = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ConcernDate = table.Column<DateOnly>(type: "date", nullable: false),
                    child_given_name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true, collation: "Latin1_General_100_BIN2"),
                    child_family_name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true, collation: "Latin1_General_100_BIN2"),
                    child_date_of_birth = table.Column<DateOnly>(type: "date", nullable: true),
                    child_nhs_number = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true, collation: "Latin1_General_100_BIN2"),
                    child_local_id = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true, collation: "Latin1_General_100_BIN2"),
                    child_placing_authority = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true, collation: "Latin1_General_100_BIN2"),
                    MatchedOn = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true, collation: "Latin1_General_100_BIN2"),
                    PlacementId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    PlacingAuthority = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true, collation: "Latin1_General_100_BIN2"),
                    CaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    RecordedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referrals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tool_alignment",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    Revision = table.Column<long>(type: "bigint", nullable: false),
                    Aligned = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Retired = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tool_alignment", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tracked_cases",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    HostAuthority = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false, collation: "Latin1_General_100_BIN2"),
                    PlacementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChildLocalId = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false, collation: "Latin1_General_100_BIN2"),
                    ChildGivenName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Latin1_General_100_BIN2"),
                    ChildFamilyName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Latin1_General_100_BIN2"),
                    ChildDateOfBirth = table.Column<DateOnly>(type: "date", nullable: false),
                    ChildNhsNumber = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true, collation: "Latin1_General_100_BIN2"),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CurrentLevel = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true, collation: "Latin1_General_100_BIN2"),
                    CurrentToolVersion = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true, collation: "Latin1_General_100_BIN2"),
                    CurrentRule = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true, collation: "Latin1_General_100_BIN2"),
                    NeedsReassessment = table.Column<bool>(type: "bit", nullable: false),
                    NextReviewDue = table.Column<DateOnly>(type: "date", nullable: true),
                    CurrentPlan = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ClosureProposedReason = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true, collation: "Latin1_General_100_BIN2"),
                    ClosureProposedNote = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true, collation: "Latin1_General_100_BIN2"),
                    ClosureProposedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ClosedReason = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true, collation: "Latin1_General_100_BIN2"),
                    ClosedNote = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true, collation: "Latin1_General_100_BIN2"),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LatestMeetingOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tracked_cases", x => x.CaseId);
                });

            migrationBuilder.CreateTable(
                name: "case_meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Type = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false, collation: "Latin1_General_100_BIN2"),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    child_attended = table.Column<bool>(type: "bit", nullable: false),
                    parent_carer_attended = table.Column<bool>(type: "bit", nullable: false),
                    views_given_before = table.Column<bool>(type: "bit", nullable: false),
                    child_missing = table.Column<bool>(type: "bit", nullable: false),
                    child_views = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true, collation: "Latin1_General_100_BIN2"),
                    AssessmentJson = table.Column<string>(type: "nvarchar(max)", nullable: true, collation: "Latin1_General_100_BIN2"),
                    ToolVersion = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true, collation: "Latin1_General_100_BIN2"),
                    DerivedLevel = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true, collation: "Latin1_General_100_BIN2"),
                    Level = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true, collation: "Latin1_General_100_BIN2"),
                    Rule = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true, collation: "Latin1_General_100_BIN2"),
                    Explanation = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true, collation: "Latin1_General_100_BIN2"),
                    Overridden = table.Column<bool>(type: "bit", nullable: false),
                    OverrideRationale = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true, collation: "Latin1_General_100_BIN2"),
                    Plan = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    NextReviewDue = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2")
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
                    ReferralId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Source = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false, collation: "Latin1_General_100_BIN2"),
                    SourceReference = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true, collation: "Latin1_General_100_BIN2"),
                    Concerns = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false, collation: "Latin1_General_100_BIN2"),
                    ExploitationTypes = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ConcernDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    MatchedOn = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false, collation: "Latin1_General_100_BIN2")
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
                    MeetingId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Type = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false, collation: "Latin1_General_100_BIN2"),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    child_attended = table.Column<bool>(type: "bit", nullable: false),
                    parent_carer_attended = table.Column<bool>(type: "bit", nullable: false),
                    views_given_before = table.Column<bool>(type: "bit", nullable: false),
                    child_missing = table.Column<bool>(type: "bit", nullable: false),
                    child_views = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true, collation: "Latin1_General_100_BIN2"),
                    ToolVersion = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true, collation: "Latin1_General_100_BIN2"),
                    DerivedLevel = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true, collation: "Latin1_General_100_BIN2"),
                    Level = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true, collation: "Latin1_General_100_BIN2"),
                    Rule = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true, collation: "Latin1_General_100_BIN2"),
                    Explanation = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true, collation: "Latin1_General_100_BIN2"),
                    Overridden = table.Column<bool>(type: "bit", nullable: false),
                    OverrideRationale = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true, collation: "Latin1_General_100_BIN2"),
                    Plan = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    NextReviewDue = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
                unique: true,
                filter: "[SourceReference] IS NOT NULL");

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
