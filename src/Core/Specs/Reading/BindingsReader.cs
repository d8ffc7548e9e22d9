using System.Globalization;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Specs.Yaml;

namespace EfficiencyMisnomer.Specs.Reading;

/// <summary>Reads a <c>bind</c> map: a symbolic dimension to a size (<c>batch: 1</c>), or an input to its shape (<c>image: [1, 3, 224, 224]</c>).</summary>
internal static class BindingsReader
{
    private const string NotASize = "binding '{0}' must be a non-negative whole number or a list of them (an input's shape), not {1}";
    private const string NotAShape = "binding '{0}' must be a size (batch: 1) or a list of sizes (image: [1, 3, 224, 224]), not {1}";

    public static IReadOnlyList<Binding> Read(YamlValue value, string where, SpecReadContext context)
    {
        var bindings = new List<Binding>();
        if (context.Map(value, where) is not { } map)
        {
            return bindings;
        }

        foreach (var (key, body) in map.Entries)
        {
            var sizes = body switch
            {
                YamlScalar scalar => Sizes(key.Text, new[] { scalar }, context),
                YamlList list => Sizes(key.Text, list.Items, context),
                _ => null,
            };
            if (body is YamlMap)
            {
                context.Error(ErrorCodes.SpecWrongType, SpecReadContext.Text(NotAShape, UserText.Quote(key.Text), body.Kind), body.Location);
            }

            if (sizes is not null)
            {
                bindings.Add(new Binding(key.Text, sizes, key.Location));
            }
        }

        return bindings;
    }

    private static long[]? Sizes(string name, IReadOnlyList<YamlValue> items, SpecReadContext context)
    {
        var sizes = new long[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i] is not YamlScalar scalar
                || !long.TryParse(scalar.Text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out sizes[i]))
            {
                var text = items[i] is YamlScalar s ? $"'{UserText.Quote(s.Text)}'" : items[i].Kind;
                context.Error(ErrorCodes.SpecInvalidValue, SpecReadContext.Text(NotASize, UserText.Quote(name), text), items[i].Location);
                return null;
            }
        }

        return sizes.Length == 0 ? null : sizes;
    }
}
