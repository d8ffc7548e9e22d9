using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Graph;

/// <summary>A loaded, validated ONNX model: its graph, the opsets it imports, and its size on disk.</summary>
public sealed class OnnxModel
{
    internal OnnxModel(string path, long fileSize, long modelSize, long irVersion, string producer,
        IReadOnlyDictionary<string, long> opsets, OnnxGraph graph, IReadOnlyList<Diagnostic> warnings)
    {
        Path = path;
        FileSize = fileSize;
        ModelSize = modelSize;
        IrVersion = irVersion;
        Producer = producer;
        Opsets = opsets;
        Graph = graph;
        Warnings = warnings;
    }

    /// <summary>Full paths of the external data files the model references that exist: inputs an incremental build must watch.</summary>
    public IReadOnlyList<string> ExternalDataFiles { get; internal init; } = Array.Empty<string>();

    /// <summary>Every external data file the model names (full paths), present or not.</summary>
    public IReadOnlyList<string> ReferencedExternalDataFiles { get; internal init; } = Array.Empty<string>();

    public string Path { get; }

    public long FileSize { get; }

    /// <summary>Bytes on disk: the model file plus every external data file it references.</summary>
    public long ModelSize { get; }

    public long IrVersion { get; }

    public string Producer { get; }

    /// <summary>Imported opset version per domain; the default ONNX domain is the empty string.</summary>
    public IReadOnlyDictionary<string, long> Opsets { get; }

    public OnnxGraph Graph { get; }

    /// <summary>Things worth knowing that did not stop the load (missing external data files, ...).</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; }

    /// <summary>The file's bytes when the model was loaded from memory: raw_data payloads are read from here.</summary>
    internal byte[]? InMemoryBytes { get; set; }

    /// <summary>The opset version in force for a domain (<c>ai.onnx</c> and the empty string are the same domain).</summary>
    public long OpsetOf(string domain)
    {
        var key = domain == "ai.onnx" ? string.Empty : domain;
        return Opsets.TryGetValue(key, out var version) ? version : 0;
    }

    /// <summary>Loads and validates a model file. Throws <see cref="EfficiencyException"/> on bad input.</summary>
    public static OnnxModel Load(string path) => OnnxModelReader.Read(path);

    /// <summary>Loads a model held in memory; <paramref name="path"/> names it in messages and anchors external data.</summary>
    public static OnnxModel Load(byte[] bytes, string path)
    {
        var model = OnnxModelReader.Read(bytes, path);
        model.InMemoryBytes = bytes;
        return model;
    }
}
