using System.Text.Json.Serialization;
using InfiniteSecurity.AspNetCore;
using ProtectedApp;

var builder = WebApplication.CreateBuilder(args);

// Options come from the "ThreatDetection" section of appsettings.json (mode, excluded paths, exclusions, reporting).
builder.Services.AddThreatDetection();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, SampleJsonContext.Default));

var app = builder.Build();

app.UseThreatDetection();

app.MapGet("/health", () => Results.Ok(new Status("ok")));

app.MapGet("/search", (string? q, HttpContext context) =>
    Results.Ok(new SearchResults(q ?? string.Empty, [], Verdict(context))));

app.MapPost("/comments", (Comment comment, HttpContext context) =>
    string.IsNullOrWhiteSpace(comment.Text)
        ? Results.ValidationProblem(new Dictionary<string, string[]> { ["text"] = ["A comment needs text."] })
        : Results.Created($"/comments/{Guid.CreateVersion7()}", new CommentAccepted(comment.Author, comment.Text.Length, Verdict(context))));

// Forms are read by hand here, so the sample needs no antiforgery setup; a real app with browser forms adds it.
app.MapPost("/upload", async (HttpRequest request) =>
{
    if (!request.HasFormContentType)
    {
        return Results.BadRequest();
    }

    var form = await request.ReadFormAsync();
    var files = form.Files.Select(f => new UploadedFile(f.FileName, f.Length)).ToArray();
    return Results.Ok(new UploadAccepted(form["title"].ToString(), files, Verdict(request.HttpContext)));
});

app.Run();

static string Verdict(HttpContext context) =>
    context.Features.Get<IThreatDetectionFeature>() switch
    {
        null => "not inspected",
        { Inspected: false } => "not inspected",
        { IsThreat: true } f => "threat: " + f.Verdict!.Analysis.Category,
        _ => "clean",
    };

/// <summary>The sample as an entry point the tests can host.</summary>
public partial class Program;

namespace ProtectedApp
{
    internal sealed record Status(string State);

    internal sealed record SearchResults(string Query, string[] Results, string Verdict);

    internal sealed record Comment(string? Author, string? Text);

    internal sealed record CommentAccepted(string? Author, int Length, string Verdict);

    internal sealed record UploadedFile(string Name, long Length);

    internal sealed record UploadAccepted(string Title, UploadedFile[] Files, string Verdict);

    [JsonSerializable(typeof(Status))]
    [JsonSerializable(typeof(SearchResults))]
    [JsonSerializable(typeof(Comment))]
    [JsonSerializable(typeof(CommentAccepted))]
    [JsonSerializable(typeof(UploadAccepted))]
    internal sealed partial class SampleJsonContext : JsonSerializerContext;
}
