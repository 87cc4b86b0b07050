using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Regional.Placement.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlacementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildLocalId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    MissingSince = table.Column<long>(type: "INTEGER", nullable: false),
                    ReportedBy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PhotoReference = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RiskAssessedLocations = table.Column<string>(type: "TEXT", nullable: false),
                    Associates = table.Column<string>(type: "TEXT", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RiskLevel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    LastSeenAt = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    EpisodeNumberInWindow = table.Column<int>(type: "INTEGER", nullable: false),
                    Repeat = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReturnedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FoundWhere = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    FoundBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReturnHomeInterviewDueBy = table.Column<long>(type: "INTEGER", nullable: true),
                    ReturnHomeInterviewOutcome = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ReturnHomeInterviewBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReturnHomeInterviewIndependent = table.Column<bool>(type: "INTEGER", nullable: true),
                    ReturnHomeInterviewAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReturnHomeInterviewOverdueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlacementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildLocalId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    MissingSince = table.Column<long>(type: "INTEGER", nullable: false),
                    ReportedBy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PhotoReference = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RiskAssessedLocations = table.Column<string>(type: "TEXT", nullable: false),
                    Associates = table.Column<string>(type: "TEXT", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RiskLevel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    LastSeenAt = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    EpisodeNumberInWindow = table.Column<int>(type: "INTEGER", nullable: false),
                    Repeat = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReturnedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FoundWhere = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    FoundBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReturnHomeInterviewDueBy = table.Column<long>(type: "INTEGER", nullable: true),
                    ReturnHomeInterviewOutcome = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ReturnHomeInterviewBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReturnHomeInterviewIndependent = table.Column<bool>(type: "INTEGER", nullable: true),
                    ReturnHomeInterviewAt = table.Column<long>(type: "INTEGER", nullable: true)
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
