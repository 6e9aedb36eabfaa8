package dev.nb2prod.extract.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decision table: one step -> cron; a short chain -> make; a long chain or a DAG -> dagster. */
class ScheduleChoiceTest {
    /** Steps in order, each written "name<-producer,producer". */
    private static ScheduleChoice choose(String... steps) {
        Map<String, List<String>> upstream = new LinkedHashMap<>();
        for (String step : steps) {
            String[] parts = step.split("<-", 2);
            upstream.put(parts[0], parts.length == 1 ? List.of() : List.of(parts[1].split(",")));
        }
        return ScheduleChoice.recommend(upstream);
    }

    @Test
    void aSingleStepRunsFromCron() {
        ScheduleChoice choice = choose("train");
        assertThat(choice.schedule()).isEqualTo(Schedule.cron);
        assertThat(choice.reason()).contains("single step");
    }

    @Test
    void noStepAtAllIsTreatedAsASingleScript() {
        assertThat(choose().schedule()).isEqualTo(Schedule.cron);
        assertThat(choose().reason()).startsWith("no step");
    }

    @Test
    void aLinearPipelineOfFewerThanFiveStepsGetsAMakefile() {
        assertThat(choose("load", "clean<-load").schedule()).isEqualTo(Schedule.make);
        ScheduleChoice four = choose("load", "clean<-load", "fit<-clean", "score<-fit");
        assertThat(four.schedule()).isEqualTo(Schedule.make);
        assertThat(four.reason()).contains("linear pipeline of 4 steps").contains("fewer than 5");
    }

    @Test
    void aStepThatTakesNothingDoesNotBreakTheChain() {
        // a seed-setting step first, then a chain: runs in order, nothing branches
        assertThat(choose("seed", "load", "clean<-load", "fit<-clean").schedule()).isEqualTo(Schedule.make);
    }

    @Test
    void aLinearPipelineOfFiveStepsOrMoreGetsDagster() {
        ScheduleChoice five = choose("a", "b<-a", "c<-b", "d<-c", "e<-d");
        assertThat(five.schedule()).isEqualTo(Schedule.dagster);
        assertThat(five.reason()).contains("linear pipeline of 5 steps").contains("5 or more");
        assertThat(choose("a", "b<-a", "c<-b", "d<-c", "e<-d", "f<-e").schedule()).isEqualTo(Schedule.dagster);
    }

    @Test
    void aStepThatReadsAnOlderStepMakesADagEvenWhenShort() {
        ScheduleChoice skip = choose("load", "clean<-load", "fit<-load");
        assertThat(skip.schedule()).isEqualTo(Schedule.dagster);
        assertThat(skip.reason()).contains("DAG of 3 steps").contains("fit takes results of load");
        assertThat(choose("load", "clean<-load", "fit<-clean,load").schedule()).isEqualTo(Schedule.dagster);
    }

    @Test
    void theRecommendationOfTheExampleIsDagsterForItsBranchingSteps() throws Exception {
        ScheduleChoice choice = ScheduleChoice.of(new Wiring(ExamplePlans.churn()));
        assertThat(choice.schedule()).isEqualTo(Schedule.dagster);
        assertThat(choice.reason()).startsWith("a DAG of");
    }
}
