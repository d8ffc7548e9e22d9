using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Onnx;
using EfficiencyMisnomer.Onnx.Wire;
using Google.Protobuf;

namespace EfficiencyMisnomer.Graph;

/// <summary>Reads an ONNX file into an <see cref="OnnxModel"/>: parse, locate payloads, build and validate graphs.</summary>
internal static class OnnxModelReader
{
    // raw_data is not declared in the wire schema, so discarding unknown fields skips payloads without copying them.
    private static readonly MessageParser<ModelProto> Parser = ModelProto.Parser.WithDiscardUnknownFields(true);

    public static OnnxModel Read(string path)
    {
        using var source = ModelSource.Open(path);
        return Read(source);
    }

    public static OnnxModel Read(byte[] bytes, string path)
    {
        using var source = ModelSource.FromBytes(bytes, path);
        return Read(source);
    }

    private static OnnxModel Read(ModelSource source)
    {
        ModelProto proto;
        Dictionary<TensorProto, PayloadRange> ranges;
        try
        {
            proto = Parser.ParseFrom(source.Span);
            ranges = WireLocator.Locate(source.Span, proto);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw Refused(source, e);
        }
        catch (InvalidDataException e)
        {
            throw NotOnnx(source, e.Message, e);
        }
        catch (OverflowException e)
        {
            throw NotOnnx(source, "a length field is out of range", e);
        }

        if (proto.Graph is null || (proto.Graph.Node.Count == 0 && proto.Graph.Input.Count == 0 && proto.Graph.Output.Count == 0))
        {
            throw new EfficiencyException(ErrorCodes.ModelHasNoGraph,
                proto.HasIrVersion
                    ? $"'{source.Path}' holds no graph; it is not a usable ONNX model."
                    : $"'{source.Path}' is not an ONNX model: it has no IR version and no graph.",
                new SourceLocation(source.Path));
        }

        var opsets = OpsetImports.Read(proto, source);
        var decoder = new TensorDecoder(source, ranges);
        var builder = new GraphBuilder(source, decoder);
        var graph = builder.Build(proto.Graph, null, "main graph");
        OpsetImports.RequireDefaultDomain(graph, opsets, source);
        var externalFiles = new List<string>();
        var referenced = new List<string>();
        var modelSize = source.Length + ExternalFileSizes(graph, source.Warnings, externalFiles, referenced);
        var producer = string.IsNullOrEmpty(proto.ProducerVersion) ? proto.ProducerName : $"{proto.ProducerName} {proto.ProducerVersion}";
        return new OnnxModel(source.Path, source.Length, modelSize, proto.IrVersion, producer, opsets, graph, source.Warnings)
        {
            ExternalDataFiles = externalFiles,
            ReferencedExternalDataFiles = referenced,
        };
    }

    /// <summary>Why the parser refused the file: text that is not UTF-8 or nesting too deep, where WireDiagnosis finds it; otherwise broken bytes.</summary>
    private static EfficiencyException Refused(ModelSource source, InvalidProtocolBufferException e)
    {
        return WireDiagnosis.Find(source.Span) switch
        {
            { Kind: WireProblemKind.InvalidUtf8 } problem => new EfficiencyException(ErrorCodes.TextNotUtf8,
                $"'{source.Path}': the {problem.Field} of {problem.ShortPath} is not valid UTF-8 text; ONNX strings are UTF-8: re-export the model.",
                source.Locate(problem.ShortPath), e),
            { Kind: WireProblemKind.TooDeep } problem => new EfficiencyException(ErrorCodes.NestingTooDeep,
                $"'{source.Path}' nests its messages more than {WireDiagnosis.MaxMessageDepth} deep, at the {problem.Field} of {problem.ShortPath}: "
                + "subgraphs inside subgraphs (about 30 levels of If, Loop or Scan) go deeper than protobuf readers, ONNX Runtime's included, "
                + "accept; flatten the control flow.",
                source.Locate(problem.ShortPath), e),
            _ => NotOnnx(source, e.Message, e),
        };
    }

    private static EfficiencyException NotOnnx(ModelSource source, string detail, Exception inner) =>
        new(ErrorCodes.ModelNotProtobuf,
            $"'{source.Path}' is not a valid ONNX protobuf file (truncated or corrupt: {detail.TrimEnd('.')}).",
            new SourceLocation(source.Path), inner);

    private static long ExternalFileSizes(OnnxGraph graph, List<Diagnostic> warnings, List<string> present, List<string> referenced)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var tensor in AllTensors(graph))
        {
            if (tensor.External is { } external)
            {
                files.TryAdd(external.FullPath, external.Location);
            }
        }

        long total = 0;
        referenced.AddRange(files.Keys);
        foreach (var (fullPath, location) in files)
        {
            if (File.Exists(fullPath))
            {
                total = checked(total + new FileInfo(fullPath).Length);
                present.Add(fullPath);
            }
            else
            {
                warnings.Add(Diagnostic.Warning(ErrorCodes.ExternalDataMissing,
                    $"external data file '{UserText.Quote(location)}' is missing; model_size counts only the files present, and weight values cannot be read."));
            }
        }

        return total;
    }

    private static IEnumerable<TensorInfo> AllTensors(OnnxGraph graph)
    {
        foreach (var tensor in graph.Initializers.Values)
        {
            yield return tensor;
        }

        foreach (var node in graph.Nodes)
        {
            foreach (var subgraph in node.Subgraphs.Values)
            {
                foreach (var tensor in AllTensors(subgraph))
                {
                    yield return tensor;
                }
            }
        }
    }
}
