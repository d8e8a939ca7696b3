package org.run78.store;

import static org.run78.store.Items.s;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.run78.domain.company.Company;
import org.run78.domain.company.CompanyRegistry;
import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/** Company profiles in the companies table: `COMPANY#<code>` / `PROFILE`, created by a conditional put. */
public final class DynamoCompanies implements CompanyRegistry {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCompanies(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void register(Company company, String credentialHash) {
        Map<String, AttributeValue> item = new HashMap<>(key(company.code()));
        item.put("companyCode", s(company.code()));
        item.put("name", s(company.name()));
        item.put("credentialHash", s(credentialHash));
        item.put("createdAt", s(company.registeredAt().toString()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException taken) {
            throw new DomainException(ErrorCode.COMPANY_EXISTS, "company " + company.code() + " is registered already");
        }
    }

    @Override
    public Optional<Registered> find(String companyCode) {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(table).key(key(companyCode)).consistentRead(true));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        return Optional.of(new Registered(
                new Company(Items.string(item, "companyCode"), Items.string(item, "name"),
                        Instant.parse(Items.string(item, "createdAt"))),
                Items.string(item, "credentialHash")));
    }

    static Map<String, AttributeValue> key(String companyCode) {
        return Map.of(Keys.PK, s(Keys.companyPk(companyCode)), Keys.SK, s(Keys.PROFILE_SK));
    }
}
