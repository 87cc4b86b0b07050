using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Regional.Placement.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EntityTags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "placements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "placements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Revision",
                table: "placements");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "placements");
        }
    }
}
