using EfficiencyMisnomer.ModelBuilder;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyMisnomer.Runtime.Tests.Sessions;

/// <summary>The int4 GenAI-style decoder the static engine is checked against is a model ONNX Runtime's CPU provider runs.</summary>
public sealed class QuantizedDecoderSessionTests
{
    [TestCase(4L, 0L, false)]
    [TestCase(1L, 3L, false)]
    [TestCase(4L, 0L, true)]
    [TestCase(1L, 3L, true)]
    public void The_cpu_provider_runs_one_step_with_a_kv_cache(long sequence, long past, bool packed)
    {
        var size = QuantizedDecoders.Tiny;
        using var session = new InferenceSession(QuantizedDecoders.Int4("genai_int4", size, packed).ToBytes());
        var names = new List<string> { "input_ids", "attention_mask" };
        var inputs = new List<OrtValue>
        {
            OrtValue.CreateTensorValueFromMemory(Enumerable.Range(0, (int)sequence).Select(i => (long)((i * 97) + 5) % size.Vocab).ToArray(), new[] { 1, sequence }),
            OrtValue.CreateTensorValueFromMemory(Enumerable.Repeat(1L, (int)(past + sequence)).ToArray(), new[] { 1, past + sequence }),
        };
        for (int i = 0; i < size.Layers; i++)
        {
            foreach (var part in new[] { "key", "value" })
            {
                names.Add($"past_key_values.{i}.{part}");
                inputs.Add(OrtValue.CreateTensorValueFromMemory(new float[size.KvHeads * past * size.HeadSize], new[] { 1, size.KvHeads, past, size.HeadSize }));
            }
        }

        try
        {
            using var options = new RunOptions();
            using var results = session.Run(options, names, inputs, new[] { "logits", "present.0.key" });

            var logits = results[0].GetTensorDataAsSpan<float>().ToArray();
            Assert.Multiple(() =>
            {
                Assert.That(logits, Has.All.Matches<float>(float.IsFinite));
                Assert.That(results[0].GetTensorTypeAndShape().Shape, Is.EqualTo(new[] { 1, sequence, size.Vocab }));
                Assert.That(results[1].GetTensorTypeAndShape().Shape, Is.EqualTo(new[] { 1, size.KvHeads, past + sequence, size.HeadSize }));
            });
        }
        finally
        {
            inputs.ForEach(value => value.Dispose());
        }
    }
}
