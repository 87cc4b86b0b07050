using Regional.RegionService;

var builder = WebApplication.CreateBuilder(args);
builder.AddRegionService();

var app = builder.Build();
app.MapRegionService();
app.Run();
