using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Regional.ServiceKit;

/// <summary>
/// What a request body's schema should say but its C# type cannot: which fields the service
/// requires (every request field is nullable in C#, so that a missing one gets a 422 naming it
/// rather than a parser error), and which code lists a string field takes. Declared once per
/// request type; the OpenAPI document is made honest from it.
/// </summary>
public sealed class ApiDescription
{
    private readonly Dictionary<Type, Shape> _shapes = [];

    public ApiDescription Describe<TRequest>(Action<Shape> describe)
    {
        var shape = _shapes.TryGetValue(typeof(TRequest), out var known) ? known : _shapes[typeof(TRequest)] = new Shape();
        describe(shape);
        return this;
    }

    internal Task Transform(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        DescribeStrings(schema, context);
        if (!_shapes.TryGetValue(context.JsonTypeInfo.Type, out var shape) || schema.Properties is null)
        {
            return Task.CompletedTask;
        }

        schema.Required = new HashSet<string>(shape.RequiredFields.Where(schema.Properties.ContainsKey), StringComparer.Ordinal);
        foreach (var (name, property) in schema.Properties)
        {
            if (property is not OpenApiSchema inline)
            {
                continue;
            }

            if (shape.RequiredFields.Contains(name) && inline.Type is { } type)
            {
                // Required means a value must be given: null is not one.
                inline.Type = type & ~JsonSchemaType.Null;
            }

            if (shape.CodeLists.TryGetValue(name, out var codes))
            {
                var target = inline.Type is { } t && t.HasFlag(JsonSchemaType.Array) && inline.Items is OpenApiSchema items ? items : inline;
                target.Enum = [.. codes.Select(c => (JsonNode)JsonValue.Create(c)!)];
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Strings are read by a converter of our own (StrictJson: no control characters), and the
    /// schema generator describes a type with its own converter as "anything": say "string" again,
    /// for string properties and lists of strings, nullable as every request field is in C#.
    /// </summary>
    private static void DescribeStrings(OpenApiSchema schema, OpenApiSchemaTransformerContext context)
    {
        if (schema.Properties is null)
        {
            return;
        }

        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (!schema.Properties.TryGetValue(property.Name, out var described) || described is not OpenApiSchema inline)
            {
                continue;
            }

            if (property.PropertyType == typeof(string) && inline.Type is null)
            {
                inline.Type = JsonSchemaType.String | JsonSchemaType.Null;
            }
            else if (property.PropertyType != typeof(string)
                     && property.PropertyType.GetInterfaces().Append(property.PropertyType).Any(i => i == typeof(IEnumerable<string>))
                     && inline.Items is OpenApiSchema { Type: null } items)
            {
                items.Type = JsonSchemaType.String;
            }
        }
    }

    public sealed class Shape
    {
        internal HashSet<string> RequiredFields { get; } = new(StringComparer.Ordinal);

        internal Dictionary<string, IReadOnlyCollection<string>> CodeLists { get; } = new(StringComparer.Ordinal);

        /// <summary>Fields, by their JSON (camelCase) names, that must be given.</summary>
        public Shape Required(params string[] fields)
        {
            RequiredFields.UnionWith(fields.Select(JsonNamingPolicy.CamelCase.ConvertName));
            return this;
        }

        /// <summary>The values a string field (or the items of a string array field) may take.</summary>
        public Shape Codes(string field, IEnumerable<string> codes)
        {
            CodeLists[JsonNamingPolicy.CamelCase.ConvertName(field)] = [.. codes];
            return this;
        }
    }
}
