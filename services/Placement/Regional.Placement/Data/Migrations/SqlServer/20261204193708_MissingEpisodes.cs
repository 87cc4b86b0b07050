using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Regional.Placement.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class MissingEpisodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "missing_episodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PlacementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChildLocalId = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false, collation: "Latin1_General_100_BIN2"),
                    MissingSince = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ReportedBy = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false, collation: "Latin1_General_100_BIN2"),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false, collation: "Latin1_General_100_BIN2"),
                    PhotoReference = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true, collation: "Latin1_General_100_BIN2"),
                    RiskAssessedLocations = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Associates = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Phone = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true, collation: "Latin1_General_100_BIN2"),
                    RiskLevel = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false, collation: "Latin1_General_100_BIN2"),
                    LastSeenAt = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true, collation: "Latin1_General_100_BIN2"),
                    EpisodeNumberInWindow = table.Column<int>(type: "int", nullable: false),
                    Repeat = table.Column<bool>(type: "bit", nullable: false),
                    ReportedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ReturnedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    FoundWhere = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true, collation: "Latin1_General_100_BIN2"),
                    FoundBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2"),
                    ReturnHomeInterviewDueBy = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ReturnHomeInterviewOutcome = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true, collation: "Latin1_General_100_BIN2"),
                    ReturnHomeInterviewBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2"),
                    ReturnHomeInterviewIndependent = table.Column<bool>(type: "bit", nullable: true),
                    ReturnHomeInterviewAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ReturnHomeInterviewOverdueAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_missing_episodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_missing_episodes_placements_PlacementId",
                        column: x => x.PlacementId,
                        principalTable: "placements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "register_missing",
                columns: table => new
                {
                    EpisodeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PlacementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChildLocalId = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false, collation: "Latin1_General_100_BIN2"),
                    MissingSince = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ReportedBy = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false, collation: "Latin1_General_100_BIN2"),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false, collation: "Latin1_General_100_BIN2"),
                    PhotoReference = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true, collation: "Latin1_General_100_BIN2"),
                    RiskAssessedLocations = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Associates = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Phone = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true, collation: "Latin1_General_100_BIN2"),
                    RiskLevel = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false, collation: "Latin1_General_100_BIN2"),
                    LastSeenAt = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true, collation: "Latin1_General_100_BIN2"),
                    EpisodeNumberInWindow = table.Column<int>(type: "int", nullable: false),
                    Repeat = table.Column<bool>(type: "bit", nullable: false),
                    ReportedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ReturnedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    FoundWhere = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true, collation: "Latin1_General_100_BIN2"),
                    FoundBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2"),
                    ReturnHomeInterviewDueBy = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ReturnHomeInterviewOutcome = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true, collation: "Latin1_General_100_BIN2"),
                    ReturnHomeInterviewBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2"),
                    ReturnHomeInterviewIndependent = table.Column<bool>(type: "bit", nullable: true),
                    ReturnHomeInterviewAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_register_missing", x => x.EpisodeId);
                    table.ForeignKey(
                        name: "FK_register_missing_register_entries_PlacementId",
                        column: x => x.PlacementId,
                        principalTable: "register_entries",
                        principalColumn: "PlacementId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_missing_episodes_ChildLocalId_MissingSince",
                table: "missing_episodes",
                columns: new[] { "ChildLocalId", "MissingSince" });

            migrationBuilder.CreateIndex(
                name: "IX_missing_episodes_PlacementId_ReturnedAt",
                table: "missing_episodes",
                columns: new[] { "PlacementId", "ReturnedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_missing_episodes_ReturnHomeInterviewOverdueAt_ReturnHomeInterviewDueBy",
                table: "missing_episodes",
                columns: new[] { "ReturnHomeInterviewOverdueAt", "ReturnHomeInterviewDueBy" });

            migrationBuilder.CreateIndex(
                name: "IX_register_missing_PlacementId_ReturnedAt",
                table: "register_missing",
                columns: new[] { "PlacementId", "ReturnedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "missing_episodes");

            migrationBuilder.DropTable(
                name: "register_missing");
        }
    }
}
