package org.skewcheck.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Tries are bounded in number and in time; a try that hangs is abandoned at the deadline. */
class BoundedAttemptsTest {
  @Test
  void aTryThatSucceedsEndsTheTries() throws Exception {
    AtomicInteger tries = new AtomicInteger();
    BoundedAttempts.run(3, Duration.ofSeconds(20), () -> {
      if (tries.incrementAndGet() < 3) {
        throw new IOException("not yet");
      }
    });
    assertThat(tries).hasValue(3);
  }

  @Test
  void afterTheLastFailedTryTheLastFailureIsTheCause() {
    AtomicInteger tries = new AtomicInteger();
    BoundedAttempts.Exhausted e = catchThrowableOfType(BoundedAttempts.Exhausted.class,
        () -> BoundedAttempts.run(2, Duration.ofSeconds(20), () -> {
          throw new IOException("try " + tries.incrementAndGet());
        }));
    assertThat(tries).hasValue(2);
    assertThat(e.tries()).isEqualTo(2);
    assertThat(e.cutOff()).isFalse();
    assertThat(e.getCause()).isInstanceOf(IOException.class).hasMessage("try 2");
  }

  @Test
  void noTryStartsWhenTheWaitBeforeItWouldPassTheDeadline() {
    AtomicInteger tries = new AtomicInteger();
    BoundedAttempts.Exhausted e = catchThrowableOfType(BoundedAttempts.Exhausted.class,
        () -> BoundedAttempts.run(10, Duration.ofMillis(2500), () -> {
          tries.incrementAndGet();
          throw new IOException("no");
        }));
    // tries at 0 s and 1 s; the next would come 2 s later, past 2.5 s
    assertThat(tries).hasValue(2);
    assertThat(e.tries()).isEqualTo(2);
    assertThat(e.took()).isLessThan(Duration.ofMillis(2500));
  }

  @Test
  void aTryThatHangsIsAbandonedAtTheDeadline() {
    CountDownLatch never = new CountDownLatch(1);
    long start = System.nanoTime();
    BoundedAttempts.Exhausted e = catchThrowableOfType(BoundedAttempts.Exhausted.class,
        () -> BoundedAttempts.run(3, Duration.ofSeconds(1), never::await));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    assertThat(e.tries()).isEqualTo(1);
    assertThat(e.cutOff()).isTrue();
    assertThat(e.getCause()).isInstanceOf(TimeoutException.class).hasMessage("no answer within 1 s");
  }

  @Test
  void aCutOffTryKeepsTheEarlierFailureAsTheCause() {
    AtomicInteger tries = new AtomicInteger();
    CountDownLatch never = new CountDownLatch(1);
    assertThatThrownBy(() -> BoundedAttempts.run(3, Duration.ofMillis(1500), () -> {
      if (tries.incrementAndGet() == 1) {
        throw new IOException("refused");
      }
      never.await();
    })).isInstanceOfSatisfying(BoundedAttempts.Exhausted.class, e -> {
      assertThat(e.tries()).isEqualTo(2);
      assertThat(e.cutOff()).isTrue();
      assertThat(e.getCause()).hasMessage("refused");
    });
  }
}
