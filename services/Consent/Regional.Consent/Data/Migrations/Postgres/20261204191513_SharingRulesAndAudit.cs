using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Regional.Consent.Data.Migrations.Postgres
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
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "BasisReference",
                table: "access_log",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Basis",
                table: "access_log",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ActorRole",
                table: "access_log",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40,
                oldNullable: true);

            migrationBuilder.CreateTable(
                name: "disclosure_audit",
                columns: table => new
                {
                    Position = table.Column<long>(type: "bigint", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: true),
                    What = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Counterpart = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecipientType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ChildOwner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ChildLocalId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Fields = table.Column<string>(type: "text", nullable: false),
                    Basis = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BasisReference = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RulesVersion = table.Column<int>(type: "integer", nullable: false),
                    ActorRole = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CorrelationId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disclosure_audit", x => x.Position);
                });

            migrationBuilder.CreateTable(
                name: "recorded_bases",
                columns: table => new
                {
                    BasisId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildLocalId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RecipientType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Basis = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Holds = table.Column<bool>(type: "boolean", nullable: false),
                    ValidFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ValidUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

            // Append-only in the database too, not only in code (see DisclosureAudit).
            Regional.Messaging.DisclosureAudit.ProtectInPostgres(migrationBuilder);
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

            migrationBuilder.AlterColumn<string>(
                name: "BasisReference",
                table: "access_log",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Basis",
                table: "access_log",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ActorRole",
                table: "access_log",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldNullable: true);
        }
    }
}
