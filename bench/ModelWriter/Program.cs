// usage: model-writer MODEL_PATH [llama-7b|matmul-64|mlp [LAYERS WIDTH ROWS]]
//   llama-7b (default): a LLaMA-7B-sized decoder (6,738,415,616 parameters) with every weight in one
//     external data file beside MODEL_PATH, written sparse: about 27 GB apparent size, no disk blocks used.
//   matmul-64: one MatMul, input [1,64] times a random [64,64] weight: the smallest real inference, so
//     that timing it shows what a harness adds per inference (bench/harness-vs-native.sh).
//   mlp: LAYERS (default 6) of MatMul by a random [WIDTH,WIDTH] weight (default 512) then Relu, on an input
//     [ROWS,WIDTH] (default 64): a model whose inference time scales with LAYERS × WIDTH² × ROWS, sized by
//     trial to about 3 ms on one core (bench/p50-verdict-time.sh).
// usage: model-writer case-studies OUTDIR
//   the models of specs/case-studies/*.yaml, seeded random weights (specs/case-studies/generate.sh).
using EfficiencyMisnomer.ModelBuilder;
using EfficiencyMisnomer.Onnx;
using EfficiencyMisnomer.Tensors;

const string Usage = "usage: model-writer MODEL_PATH [llama-7b|matmul-64|mlp [LAYERS WIDTH ROWS]] | model-writer case-studies OUTDIR";
if (args is ["case-studies", var folder])
{
    foreach (var written in CaseStudies.Write(folder))
    {
        Console.WriteLine($"{written}: {new FileInfo(written).Length} bytes");
    }

    return 0;
}

var kind = args.Length >= 2 ? args[1] : "llama-7b";
if (args.Length < 1 || kind is not ("llama-7b" or "matmul-64" or "mlp") || (kind != "mlp" && args.Length > 2) || (kind == "mlp" && args.Length is not (2 or 5)))
{
    Console.Error.WriteLine(Usage);
    return 2;
}

if (kind == "mlp")
{
    var sizes = args.Length == 5 ? args[2..].Select(a => long.TryParse(a, System.Globalization.CultureInfo.InvariantCulture, out var v) && v > 0 ? v : 0).ToArray() : new long[] { 6, 512, 64 };
    if (sizes.Any(v => v == 0))
    {
        Console.Error.WriteLine(Usage + " (LAYERS, WIDTH and ROWS are positive integers)");
        return 2;
    }

    var (layers, width, rows) = (sizes[0], sizes[1], sizes[2]);
    var mlp = new ModelBuilder("mlp", storage: WeightStorage.Random);
    var value = mlp.Input("x", ElementType.Float, rows, width);
    for (long layer = 0; layer < layers; layer++)
    {
        var product = mlp.Op("MatMul", new[] { value, mlp.Weight($"w{layer}", width, width) });
        value = layer == layers - 1
            ? mlp.Node("Relu", new[] { product }, new[] { mlp.Output("y", ElementType.Float, rows, width) })
            : mlp.Op("Relu", new[] { product });
    }

    var path = mlp.Save(args[0]);
    Console.WriteLine($"{path}: {new FileInfo(path).Length} bytes, {layers} layers of [{rows},{width}] x [{width},{width}]");
    return 0;
}

if (kind == "matmul-64")
{
    var matmul = new ModelBuilder("matmul-64", storage: WeightStorage.Random);
    var x = matmul.Input("x", ElementType.Float, 1L, 64L);
    matmul.Node("MatMul", new[] { x, matmul.Weight("w", 64, 64) }, new[] { matmul.Output("y", ElementType.Float, 1L, 64L) });
    var path = matmul.Save(args[0]);
    Console.WriteLine($"{path}: {new FileInfo(path).Length} bytes");
    return 0;
}

var builder = Decoders.Llama("llama-7b", Decoders.Llama7B);
var model = builder.Save(args[0]);
var data = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(model))!, builder.ExternalDataFile);
Console.WriteLine($"{model}: {new FileInfo(model).Length} bytes; {data}: {new FileInfo(data).Length} bytes (sparse)");
return 0;
