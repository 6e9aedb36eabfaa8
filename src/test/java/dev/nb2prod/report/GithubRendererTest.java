package dev.nb2prod.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GithubRendererTest {
    @Test
    void escapesDataAndProperties() {
        assertThat(GithubRenderer.data("100% done\r\nnext: a, b")).isEqualTo("100%25 done%0D%0Anext: a, b");
        assertThat(GithubRenderer.property("dir,x/a:b%.ipynb")).isEqualTo("dir%2Cx/a%3Ab%25.ipynb");
    }
}
