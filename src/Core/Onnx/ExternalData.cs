using System.Globalization;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Onnx.Wire;

namespace EfficiencyMisnomer.Onnx;

/// <summary>Resolves and checks the external data reference of a tensor, without reading the data.</summary>
internal static class ExternalData
{
    public static ExternalDataReference Resolve(ModelSource source, TensorProto proto, string name)
    {
        string? location = null;
        long offset = 0;
        long? length = null;
        var where = source.Locate($"tensor '{UserText.Quote(name)}'");
        foreach (var entry in proto.ExternalData)
        {
            switch (entry.Key)
            {
                case "location":
                    location = entry.Value;
                    break;
                case "offset":
                    offset = ParseNonNegative(entry.Value, "offset", name, where);
                    break;
                case "length":
                    length = ParseNonNegative(entry.Value, "length", name, where);
                    break;
            }
        }

        if (string.IsNullOrEmpty(location))
        {
            throw new EfficiencyException(ErrorCodes.ExternalDataMalformed,
                $"tensor '{UserText.Quote(name)}' is stored externally but names no 'location'.", where);
        }

        var fullPath = ResolveInside(source.Directory, location, name, where);
        if (File.Exists(fullPath))
        {
            var fileLength = new FileInfo(fullPath).Length;
            var end = length is { } l ? checked(offset + l) : offset;
            if (end > fileLength)
            {
                throw new EfficiencyException(ErrorCodes.ExternalDataOutOfRange,
                    $"tensor '{UserText.Quote(name)}' reads bytes {offset}..{end} of external data file '{UserText.Quote(location)}', which has only {fileLength} bytes.",
                    where);
            }
        }

        return new ExternalDataReference(location, fullPath, offset, length);
    }

    /// <summary>Refuses any location that is absolute or leaves the model's folder (e.g. <c>../../etc/passwd</c>).</summary>
    private static string ResolveInside(string modelDirectory, string location, string name, SourceLocation where)
    {
        var root = Path.GetFullPath(modelDirectory);
        var escapes = Path.IsPathRooted(location) || location.Contains('\0', StringComparison.Ordinal);
        string full = root;
        if (!escapes)
        {
            full = Path.GetFullPath(Path.Combine(root, location));
            var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
            escapes = !full.StartsWith(prefix, StringComparison.Ordinal);
        }

        if (escapes)
        {
            throw new EfficiencyException(ErrorCodes.ExternalDataOutsideModelFolder,
                $"tensor '{UserText.Quote(name)}' refers to external data '{UserText.Quote(location)}', which is outside the model's folder; external data must lie in or below the folder of the model.",
                where);
        }

        return full;
    }

    private static long ParseNonNegative(string text, string key, string name, SourceLocation where)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw new EfficiencyException(ErrorCodes.ExternalDataMalformed,
            $"tensor '{UserText.Quote(name)}' has external data {UserText.Quote(key)} '{UserText.Quote(text)}', which is not a non-negative integer.", where);
    }
}
