using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Regional.Referral.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IntelligenceReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "intelligence_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Force = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    VehicleRegistration = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Association = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ObservedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReportedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_intelligence_reports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_intelligence_reports_ReportedAt",
                table: "intelligence_reports",
                column: "ReportedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "intelligence_reports");
        }
    }
}
