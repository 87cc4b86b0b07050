using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Regional.Consent.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SharingRulesAndAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HeldFor",
                table: "outbox_messages",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "disclosure_audit",
                columns: table => new
                {
                    Position = table.Column<long>(type: "INTEGER", nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: true),
                    What = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Counterpart = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecipientType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ChildOwner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ChildLocalId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Fields = table.Column<string>(type: "TEXT", nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BasisReference = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RulesVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorRole = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CorrelationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disclosure_audit", x => x.Position);
                });

            migrationBuilder.CreateTable(
                name: "recorded_bases",
                columns: table => new
                {
                    BasisId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildLocalId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RecipientType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Holds = table.Column<bool>(type: "INTEGER", nullable: false),
                    ValidFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    ValidUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recorded_bases", x => x.BasisId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_HeldFor",
                table: "outbox_messages",
                column: "HeldFor");

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_audit_ChildOwner_ChildLocalId",
                table: "disclosure_audit",
                columns: new[] { "ChildOwner", "ChildLocalId" });

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_audit_EntryId",
                table: "disclosure_audit",
                column: "EntryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_recorded_bases_ChildLocalId",
                table: "recorded_bases",
                column: "ChildLocalId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "disclosure_audit");

            migrationBuilder.DropTable(
                name: "recorded_bases");

            migrationBuilder.DropIndex(
                name: "IX_outbox_messages_HeldFor",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "HeldFor",
                table: "outbox_messages");
        }
    }
}
