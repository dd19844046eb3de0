package org.shardledger.client.put;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class PutOptionsTest {
  @Test
  void theDefaultPriceCapIsAThousandCreditsInBaseUnits() {
    assertThat(PutOptions.defaults().maxPricePerGiBEpoch())
        .isEqualTo(new BigInteger("1000000000000000000000"));
  }
}
