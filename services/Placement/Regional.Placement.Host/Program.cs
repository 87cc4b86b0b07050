using Regional.Placement;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlacementService();

var app = builder.Build();
app.MapPlacementService();
app.Run();
