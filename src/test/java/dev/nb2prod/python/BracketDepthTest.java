package dev.nb2prod.python;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BracketDepthTest {
    @Test
    void findsTheFirstBracketBeyondTheLimit() {
        assertThat(BracketDepth.beyond("x = ((1))", 2)).isNull();
        assertThat(BracketDepth.beyond("x = (([1]))", 2)).isEqualTo(new BracketDepth.Position(1, 6, false));
        assertThat(BracketDepth.beyond("a = 1\nb = [\n  {(\n", 2)).isEqualTo(new BracketDepth.Position(3, 3, false));
    }

    @Test
    void closedBracketsDoNotAddUp() {
        assertThat(BracketDepth.beyond("f(1)\n" .repeat(1_000) + "[[x]]", 2)).isNull();
        assertThat(BracketDepth.beyond(")))" + "((", 2)).isNull(); // stray closers never go below zero
    }

    @Test
    void bracketsInStringsAndCommentsDoNotCount() {
        assertThat(BracketDepth.beyond("x = '((((' + \"[[[[\"  # {{{{", 2)).isNull();
        assertThat(BracketDepth.beyond("x = '''\n((((\n''' + \"\"\"[[[\n\"\"\"", 2)).isNull();
        assertThat(BracketDepth.beyond("x = 'it\\'s (((('", 2)).isNull();
        assertThat(BracketDepth.beyond("x = r'\\'((('", 2)).isNull();
    }

    @Test
    void anUnterminatedStringEndsAtItsLine() {
        // a shell line magic with an apostrophe must not hide the brackets of the lines below
        assertThat(BracketDepth.beyond("!echo it's\nx = (((1)))", 2)).isEqualTo(new BracketDepth.Position(2, 6, false));
    }

    @Test
    void linesAreCountedInsideTripleQuotedStringsAndContinuations() {
        assertThat(BracketDepth.beyond("s = '''a\nb\n'''\nx = (((1)))", 2)).isEqualTo(new BracketDepth.Position(4, 6, false));
        assertThat(BracketDepth.beyond("s = 'a\\\nb'\nx = (((1)))", 2)).isEqualTo(new BracketDepth.Position(3, 6, false));
    }
}
