using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Regional.RegionService.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class EntityTagsAndInboxRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
