resource "azurerm_resource_group" "clinic" {
  name     = "rg-northwind-clinic"
  location = "swedencentral"
}

# EU account for the clinical assistant: data-zone deployments stay in the EU.
resource "azurerm_cognitive_account" "eu" {
  name                  = "northwind-eu"
  location              = "swedencentral"
  resource_group_name   = azurerm_resource_group.clinic.name
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "northwind-eu"
}

resource "azurerm_cognitive_deployment" "eu_gpt4o" {
  name                 = "gpt-4o"
  cognitive_account_id = azurerm_cognitive_account.eu.id
  model {
    format  = "OpenAI"
    name    = "gpt-4o"
    version = "2024-11-20"
  }
  sku {
    name = "DataZoneStandard"
  }
}

# Load-test account; its global deployment can process prompts in any Azure region.
resource "azurerm_cognitive_account" "loadtest" {
  name                  = "northwind-loadtest"
  location              = "westeurope"
  resource_group_name   = azurerm_resource_group.clinic.name
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "northwind-loadtest"
}

resource "azurerm_cognitive_deployment" "loadtest_gpt4o" {
  name                 = "gpt-4o"
  cognitive_account_id = azurerm_cognitive_account.loadtest.id
  model {
    format  = "OpenAI"
    name    = "gpt-4o"
    version = "2024-11-20"
  }
  sku {
    name = "GlobalStandard"
  }
}

resource "aws_s3_bucket" "letters" {
  bucket = "northwind-letters"
}
