using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Regional.Referral.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class EntityTagsAndInboxRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "tracked_cases",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "reciprocal_cases",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_inbox_messages_ConsumedAt",
                table: "inbox_messages",
                column: "ConsumedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_inbox_messages_ConsumedAt",
                table: "inbox_messages");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "tracked_cases");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "reciprocal_cases");
        }
    }
}
