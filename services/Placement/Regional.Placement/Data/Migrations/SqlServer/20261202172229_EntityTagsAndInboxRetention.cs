using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Regional.Placement.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class EntityTagsAndInboxRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "placements",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "placements",
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
                table: "placements");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "placements");
        }
    }
}
