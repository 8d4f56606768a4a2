namespace CallMonitor.Classification.Tests.Prediction;

/// <summary>
/// Sentences written for the tests only, never in the corpus (a test checks that): the model has to generalise
/// to them from character n-grams.
/// </summary>
internal static class UnseenSentences
{
    /// <summary>Rude, shirking or impatient paraphrases no phrase list has.</summary>
    public static readonly string[] Rude =
    [
        "这种事别来烦我，你去问物业",
        "我都说了好几遍了，你怎么还记不住",
        "你爱投诉就投诉，我无所谓",
        "问那么多干嘛，照我说的做就行了",
        "跟我们公司没关系，你找厂家去",
        "你自己不会看说明书吗",
        "您自己去弄吧，这事我们帮不上",
    ];

    /// <summary>Ordinary standard service language and service content, some with the informal 你.</summary>
    public static readonly string[] Standard =
    [
        "您好，很高兴为您服务，请问需要办理什么业务",
        "请您稍等，我马上帮您核对一下订单",
        "非常抱歉给您添麻烦了，我这就为您处理",
        "您的快递预计后天上午送达，请您注意查收",
        "你好，这边是售后服务中心，请问你遇到了什么问题",
        "你稍等一下哈，我马上帮你看一下物流",
    ];

    /// <summary>Polite sentences that contain the characters of forbidden phrases (不清楚, 不明白, 不知道).</summary>
    public static readonly string[] PoliteWithRiskyCharacters =
    [
        "您还有什么不清楚的地方吗",
        "如有不明白的请随时来电",
        "我帮您确认一下您是否知道新的登录密码",
        "如果您不知道怎么操作，我可以一步一步教您",
    ];

    public static IEnumerable<string> All => Rude.Concat(Standard).Concat(PoliteWithRiskyCharacters);
}
