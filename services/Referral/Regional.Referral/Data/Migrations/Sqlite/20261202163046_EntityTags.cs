using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Regional.Referral.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EntityTags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "tracked_cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "reciprocal_cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Revision",
                table: "tracked_cases");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "reciprocal_cases");
        }
    }
}
